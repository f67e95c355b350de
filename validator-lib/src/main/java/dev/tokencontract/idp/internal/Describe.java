package dev.tokencontract.idp.internal;

import java.io.IOException;

/** A network failure as a cause a person can act on, never a stack trace. */
final class Describe {
    private Describe() {}

    static String cause(IOException e) {
        String what;
        if (e instanceof java.net.http.HttpConnectTimeoutException) {
            what = "connect timed out";
        } else if (e instanceof java.net.http.HttpTimeoutException) {
            what = "timed out";
        } else if (e instanceof java.net.ConnectException) {
            what = "connection refused";
        } else if (e instanceof java.net.UnknownHostException) {
            what = "unknown host";
        } else if (e instanceof javax.net.ssl.SSLException) {
            what = "TLS failure";
        } else if (e.getClass() == IOException.class) {
            what = "I/O failure";
        } else {
            what = "I/O failure (" + e.getClass().getSimpleName().replace("Exception", "") + ")";
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? what : what + ": " + e.getMessage();
    }
}
