package dev.tokencontract.registry.internal.ui;

import io.javalin.http.Context;

/** An error as a page: the status, the problem's title and detail, a way back. */
final class ErrorPage {
    private ErrorPage() {}

    static void send(Context ctx, int status, String title, String detail) {
        Page page = new Page(title, null, java.util.List.of(), html -> {
            html.open("p", "class", "error").text(status + ": " + detail).close("p");
            html.open("p").link("/ui/contracts", "Back to the contracts").close("p");
        });
        UiRoutes.html(ctx, status, Layout.render(page));
    }
}
