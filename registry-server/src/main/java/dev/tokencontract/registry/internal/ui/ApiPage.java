package dev.tokencontract.registry.internal.ui;

import dev.tokencontract.registry.internal.Json;
import dev.tokencontract.registry.internal.RegistryApp;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /ui/api}: the registry's OpenAPI 3.1 document ({@code /openapi.json}) rendered on the server into one
 * page: operations with parameters, request bodies and responses, then the schemas. Rendered once (the document is
 * part of the jar). Swagger UI or Redoc would need about a megabyte of script, five times the pages' weight budget,
 * for a document this size; the raw document is linked for tools that want it.
 */
final class ApiPage {
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    private final String document;

    ApiPage() {
        this.document = Layout.render(page(read()));
    }

    void render(Context ctx) {
        UiRoutes.html(ctx, 200, document);
    }

    private static JsonNode read() {
        try (InputStream in = ApiPage.class.getClassLoader().getResourceAsStream(RegistryApp.OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RegistryApp.OPENAPI_RESOURCE + " is missing");
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RegistryApp.OPENAPI_RESOURCE, e);
        }
    }

    private static Page page(JsonNode api) {
        return new Page("API", Page.Section.API, List.of(), html -> {
            JsonNode info = api.path("info");
            html.open("p")
                    .text(Facts.text(info.get("title")) + ", OpenAPI " + Facts.text(api.get("openapi")) + ". ")
                    .text(Facts.text(info.get("description")))
                    .close("p");
            html.open("p")
                    .text("The machine-readable document: ")
                    .link("/openapi.json", "/openapi.json")
                    .text(".")
                    .close("p");
            List<String[]> operations = operations(api);
            html.open("nav", "aria-label", "Operations").open("ul");
            for (String[] op : operations) {
                html.open("li")
                        .link("#" + op[3], op[0].toUpperCase(Locale.ROOT) + " " + op[1])
                        .close("li");
            }
            html.close("ul").close("nav");
            for (String[] op : operations) {
                ApiSections.operation(
                        html, api, op[0], op[1], api.path("paths").path(op[1]).path(op[0]), op[3]);
            }
            ApiSections.schemas(html, api.path("components").path("schemas"));
        });
    }

    /** Every operation as {method, path, operationId, anchor}, in document order. */
    private static List<String[]> operations(JsonNode api) {
        List<String[]> out = new ArrayList<>();
        for (var path : api.path("paths").properties()) {
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op != null) {
                    String id = Facts.text(op.get("operationId"));
                    String anchor =
                            "op-" + (id != null ? id : method + path.getKey()).replaceAll("[^A-Za-z0-9_-]", "-");
                    out.add(new String[] {method, path.getKey(), id, anchor});
                }
            }
        }
        return out;
    }
}
