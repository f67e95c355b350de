package dev.tokencontract.registry.internal;

import dev.tokencontract.compat.Change;
import dev.tokencontract.compat.CompatibilityMode;
import dev.tokencontract.compat.ContractDiff;
import dev.tokencontract.registry.store.StoredVersion;
import io.javalin.http.Context;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The GET routes over contracts, and the compatibility dry run. */
public final class ReadRoutes {
    /**
     * Exact versions: the bytes never change (the ETag is their digest), but the response also carries the
     * mutable {@code Tokencontract-State}, so caches keep it five minutes and then revalidate (a 304 with
     * the current state), never a year as {@code immutable} would.
     */
    static final String EXACT = "public, max-age=300";

    static final String REVALIDATE = "no-cache";

    private final Services services;

    public ReadRoutes(Services services) {
        this.services = services;
    }

    public void list(Context ctx) {
        services.readAccess(ctx);
        ArrayNode contracts = Json.NODES.arrayNode();
        for (String name : services.store.names()) {
            List<StoredVersion> versions = services.served.versions(name);
            ObjectNode entry = contracts.addObject();
            entry.put("name", name);
            entry.put("latest", latest(versions));
            entry.put("mode", mode(name).name());
        }
        ObjectNode body = Json.NODES.objectNode();
        body.set("contracts", contracts);
        Http.json(ctx, 200, body);
    }

    public void summary(Context ctx) {
        services.readAccess(ctx);
        String name = ContractNames.require(ctx.pathParam("name"));
        List<StoredVersion> versions = existing(name);
        ObjectNode body = Json.NODES.objectNode();
        body.put("name", name);
        body.put("mode", mode(name).name());
        body.put("latest", latest(versions));
        body.set("versions", versionList(versions));
        Http.json(ctx, 200, body);
    }

    public void versions(Context ctx) {
        services.readAccess(ctx);
        String name = ContractNames.require(ctx.pathParam("name"));
        ObjectNode body = Json.NODES.objectNode();
        body.put("name", name);
        body.set("versions", versionList(existing(name)));
        Http.json(ctx, 200, body);
    }

    public void config(Context ctx) {
        services.readAccess(ctx);
        String name = ContractNames.require(ctx.pathParam("name"));
        existing(name);
        ObjectNode body = Json.NODES.objectNode();
        body.put("name", name);
        body.put("mode", mode(name).name());
        Http.json(ctx, 200, body);
    }

    /** The hot path: precomputed bytes and ETag, no serialisation. */
    public void version(Context ctx) {
        services.readAccess(ctx);
        String name = ContractNames.require(ctx.pathParam("name"));
        VersionResolver.Request request = VersionResolver.parse(ctx.pathParam("version"));
        ServedVersions.Served served = request.exact()
                ? services.served.exact(name, request.text()).orElseThrow(() -> notFound(name, request.text()))
                : services.served.serve(VersionResolver.resolve(request, services.served.versions(name))
                        .orElseThrow(() -> notFound(name, request.text())));
        StoredVersion version = served.version();
        ctx.header("ETag", served.etag());
        ctx.header("Cache-Control", request.exact() ? EXACT : REVALIDATE);
        ctx.header("Tokencontract-Version", version.version());
        ctx.header("Tokencontract-State", version.state().name());
        if (!request.exact()) {
            ctx.header("Content-Location", "/contracts/" + name + "/versions/" + version.version());
        }
        if (matches(ctx.header("If-None-Match"), served.etag())) {
            Http.notModified(ctx);
            return;
        }
        ctx.status(200).contentType(Http.JSON).result(served.body());
    }

    public void diff(Context ctx) {
        services.readAccess(ctx);
        String name = ContractNames.require(ctx.pathParam("name"));
        String fromText = ctx.queryParam("from");
        String toText = ctx.queryParam("to");
        if (fromText == null || toText == null) {
            throw Problem.of(
                    ProblemCode.INVALID_PARAMETER, "give both 'from' and 'to' (a version, 'latest' or a range)");
        }
        List<StoredVersion> versions = existing(name);
        StoredVersion from = VersionResolver.resolve(VersionResolver.parse(fromText), versions)
                .orElseThrow(() -> notFound(name, fromText));
        StoredVersion to = VersionResolver.resolve(VersionResolver.parse(toText), versions)
                .orElseThrow(() -> notFound(name, toText));
        ContractDiff diff = services.compatibility.diff(from, to);
        CompatibilityMode mode = mode(name);
        List<Change> refused = diff.refusedBy(mode, false);
        ObjectNode body = Json.NODES.objectNode();
        body.put("name", name);
        body.put("from", from.version());
        body.put("to", to.version());
        body.put("mode", mode.name());
        ArrayNode changes = body.putArray("changes");
        for (Change change : diff.changes()) {
            changes.add(Compatibility.change(change).put("refusedByMode", refused.contains(change)));
        }
        Http.json(ctx, 200, body);
    }

    StoredVersion requireVersion(String name, String version) {
        return services.store.version(name, version).orElseThrow(() -> notFound(name, version));
    }

    List<StoredVersion> existing(String name) {
        List<StoredVersion> versions = services.served.versions(name);
        if (versions.isEmpty()) {
            throw Problem.of(ProblemCode.CONTRACT_NOT_FOUND, "no contract named '" + name + "'");
        }
        return versions;
    }

    Problem notFound(String name, String version) {
        if (services.served.versions(name).isEmpty()) {
            return Problem.of(ProblemCode.CONTRACT_NOT_FOUND, "no contract named '" + name + "'");
        }
        return Problem.of(
                ProblemCode.VERSION_NOT_FOUND,
                "no active version of '" + name + "' matches '" + version
                        + "' (ranges and latest skip deprecated and pre-release versions)");
    }

    CompatibilityMode mode(String name) {
        return services.store.mode(name).orElse(services.defaultMode);
    }

    private static String latest(List<StoredVersion> versions) {
        return VersionResolver.resolve(new VersionResolver.Request("latest", false), versions)
                .map(StoredVersion::version)
                .orElse(null);
    }

    static ObjectNode versionJson(StoredVersion v) {
        ObjectNode node = Json.NODES.objectNode();
        node.put("name", v.name());
        node.put("version", v.version());
        node.put("digest", v.digest());
        node.put("state", v.state().name());
        node.put("publishedBy", v.publishedBy());
        node.put("publishedAt", v.publishedAt().toString());
        node.put("location", "/contracts/" + v.name() + "/versions/" + v.version());
        return node;
    }

    private static ArrayNode versionList(List<StoredVersion> versions) {
        ArrayNode array = Json.NODES.arrayNode();
        versions.forEach(v -> array.add(versionJson(v)));
        return array;
    }

    /** RFC 9110 If-None-Match: {@code *} or a list of (possibly weak) entity tags, compared weakly. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
