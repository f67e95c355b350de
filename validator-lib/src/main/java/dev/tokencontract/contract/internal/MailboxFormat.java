package dev.tokencontract.contract.internal;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.format.Format;
import java.util.regex.Pattern;

/**
 * The {@code email} and {@code idn-email} formats as JSON Schema 2020-12 defines them: the syntax of an
 * RFC 5321 Mailbox (RFC 6531 for {@code idn-email}), nothing more.
 *
 * <p>Why not networknt's own: it also requires the domain's top-level label to be in the TLD table
 * compiled into the library, so {@code alice@example.test}, {@code bob@corp.internal} or an address at a
 * newer TLD is "not an email", while {@code a@b} is. A contract's verdict must not depend on which
 * library version's TLD table happens to be on the classpath.
 */
final class MailboxFormat implements Format {
    private static final String ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
    private static final String ATEXT_UTF8 = "(?:" + ATEXT + "|[^\\x00-\\x7F])";
    private static final String QUOTED = "\"(?:[\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]|\\\\[\\x20-\\x7E])*\"";
    private static final String QUOTED_UTF8 =
            "\"(?:[\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]|[^\\x00-\\x7F]|\\\\[\\x20-\\x7E])*\"";
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final String LABEL_UTF8 = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\p{M}-]{0,61}[\\p{L}\\p{N}\\p{M}])?";
    private static final String SNUM = "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])";
    private static final String IPV4 = SNUM + "(?:\\." + SNUM + "){3}";

    private final String name;
    private final Pattern mailbox;

    private MailboxFormat(String name, String atext, String quoted, String label) {
        this.name = name;
        String local = "(?:" + atext + "+(?:\\." + atext + "+)*|" + quoted + ")";
        String domain = label + "(?:\\." + label + ")*";
        this.mailbox =
                Pattern.compile("(" + local + ")@(" + domain + "|\\[" + IPV4 + "]|\\[[Ii][Pp][Vv]6:([0-9A-Fa-f:.]+)])");
    }

    static MailboxFormat email() {
        return new MailboxFormat("email", ATEXT, QUOTED, LABEL);
    }

    static MailboxFormat idnEmail() {
        return new MailboxFormat("idn-email", ATEXT_UTF8, QUOTED_UTF8, LABEL_UTF8);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getMessageKey() {
        return "format." + name;
    }

    @Override
    public boolean matches(ExecutionContext context, String value) {
        if (value.length() > 320
                || value.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
            return false; // an unpaired surrogate is not a character
        }
        var matcher = mailbox.matcher(value);
        if (!matcher.matches()
                || matcher.group(1).length() > 64
                || matcher.group(2).length() > 255) {
            return false;
        }
        return matcher.group(3) == null || isIpv6(matcher.group(3));
    }

    /** RFC 4291 text form: up to eight hex groups, one "::", an optional trailing dotted IPv4. */
    static boolean isIpv6(String text) {
        String address = text;
        int groups = 0;
        int lastColon = address.lastIndexOf(':');
        if (address.indexOf('.') >= 0) {
            if (!Pattern.matches(IPV4, address.substring(lastColon + 1))) {
                return false;
            }
            address = address.substring(0, lastColon + 1) + "0";
            groups = 1; // the IPv4 part fills two groups; "0" stands for one of them
        }
        int doubleColon = address.indexOf("::");
        if (doubleColon >= 0 && address.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        String[] parts = doubleColon >= 0
                ? (address.substring(0, doubleColon) + ":" + address.substring(doubleColon + 2)).split(":", -1)
                : address.split(":", -1);
        for (String part : parts) {
            if (part.isEmpty() && doubleColon >= 0) {
                continue;
            }
            if (!part.matches("[0-9A-Fa-f]{1,4}")) {
                return false;
            }
            groups++;
        }
        return doubleColon >= 0 ? groups <= 7 : groups == 8;
    }
}
