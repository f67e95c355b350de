package dev.tokencontract.registry.internal.ui;

/** The pages' own URLs, with every value percent-encoded. */
final class Urls {
    private Urls() {}

    static String contract(String name) {
        return "/ui/contracts/" + Html.segment(name);
    }

    static String version(String name, String version) {
        return contract(name) + "?version=" + Html.segment(version);
    }

    static String compare(String name, String from, String to) {
        return contract(name) + "/compare?from=" + Html.segment(from) + "&to=" + Html.segment(to);
    }
}
