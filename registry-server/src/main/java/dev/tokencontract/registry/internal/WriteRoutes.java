package dev.tokencontract.registry.internal;

import dev.tokencontract.compat.CheckedDiff;
import dev.tokencontract.compat.CompatibilityMode;
import dev.tokencontract.compat.SearchBudget;
import dev.tokencontract.json.StrictJson;
import dev.tokencontract.registry.store.AuditEntry;
import dev.tokencontract.registry.store.NewVersion;
import dev.tokencontract.registry.store.PublishAttempt;
import dev.tokencontract.registry.store.StoredVersion;
import dev.tokencontract.registry.store.VersionState;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Publish, the compatibility dry run, config, state and the audit log. Every write attempt is audited. */
public final class WriteRoutes {
    private static final int MAX_AUDIT_LIMIT = 1000;

    private final Services services;
    private final ReadRoutes reads;

    public WriteRoutes(Services services, ReadRoutes reads) {
        this.services = services;
        this.reads = reads;
    }

    /** {@code POST /contracts/{name}/versions}. */
    public void publish(Context ctx) {
        Audit audit = new Audit(services.store, services.clock, "publish");
        try {
            Authorized authorized = authorizeOnContract(ctx, audit, "publish");
            Caller caller = authorized.caller();
            String name = authorized.name();
            boolean acknowledged = Http.wideningAcknowledged(ctx);
            ContractBody body = ContractBody.parse(Http.body(ctx, Services.MAX_CONTRACT_BYTES), name);
            audit.version(body.contract().version()).digest(body.digest());
            NewVersion version = new NewVersion(
                    name,
                    body.contract().version(),
                    body.canonical(),
                    body.digest(),
                    caller.clientId() == null ? caller.subject() : caller.subject() + " (" + caller.clientId() + ")",
                    services.clock.instant());
            // tokens are searched for before the lock, in every direction: one found where the structural engine saw
            // no break refuses the publish like any other change (a version published meanwhile is judged structurally)
            SearchBudget budget = services.searchBudget();
            Map<String, CheckedDiff> checked = services.compatibility.checked(
                    body.contract(), services.store.versions(name), reads.mode(name), budget);
            PublishAttempt<Compatibility.Verdict> result = services.store.publish(
                    version,
                    (existing, mode) -> {
                        Compatibility.Verdict verdict =
                                services.compatibility.judge(body.contract(), existing, mode, acknowledged, checked);
                        return verdict.compatible() ? Optional.empty() : Optional.of(verdict);
                    },
                    audit.created(version)); // "201 created" is written with the version, in one durable transaction
            answer(ctx, result, body, audit, budget, checked);
        } catch (Problem problem) {
            audit.record(problem);
            services.metrics.publish(problem.code().code());
            throw problem;
        }
    }

    private void answer(
            Context ctx,
            PublishAttempt<Compatibility.Verdict> result,
            ContractBody body,
            Audit audit,
            SearchBudget budget,
            Map<String, CheckedDiff> checked) {
        switch (result.outcome()) {
            case CREATED -> {
                services.served.invalidate(body.contract().name());
                StoredVersion stored = result.stored().orElseThrow();
                ObjectNode json = ReadRoutes.versionJson(stored);
                json.set("warnings", ContractBody.findings(body.warnings()));
                ctx.header("Location", "/contracts/" + stored.name() + "/versions/" + stored.version());
                services.metrics.publish("created");
                Http.json(ctx, 201, json);
            }
            case SAME_CONTENT -> {
                audit.record(200, "same-content");
                services.metrics.publish("same-content");
                Http.json(ctx, 200, ReadRoutes.versionJson(result.stored().orElseThrow()));
            }
            case CONFLICT -> {
                StoredVersion stored = result.stored().orElseThrow();
                throw Problem.of(
                                ProblemCode.VERSION_CONFLICT,
                                stored.name() + "@" + stored.version()
                                        + " is already published with other content; published versions never change: publish a new version")
                        .with("existingDigest", stored.digest())
                        .with("digest", body.digest());
            }
            case RESERVED ->
                throw Problem.of(
                                ProblemCode.VERSION_CONFLICT,
                                body.contract().reference()
                                        + " was published before with other content (the audit keeps it though the version is not"
                                        + " stored); a version number is never bound to other bytes: publish a new version")
                        .with("existingDigest", result.reservedDigest().orElseThrow())
                        .with("digest", body.digest());
            case REFUSED -> {
                // the lock is released: the counterexample search may take its time now
                Compatibility.Verdict verdict = result.refusal().orElseThrow();
                throw incompatible(
                        body, services.compatibility.withCounterexamples(verdict, body.contract(), budget, checked));
            }
        }
    }

    static Problem incompatible(ContractBody body, Compatibility.Verdict verdict) {
        long refused =
                verdict.changes().stream().filter(Compatibility.Row::refused).count();
        Problem problem = Problem.of(
                ProblemCode.INCOMPATIBLE,
                body.contract().reference() + " has " + refused + " change(s) that " + verdict.mode() + " refuses");
        verdict.toJson().properties().forEach(e -> problem.with(e.getKey(), e.getValue()));
        return problem;
    }

    /**
     * {@code POST /contracts/{name}/compatibility}: the verdict, 200 even when incompatible unless ?fail=true.
     * Anonymous and able to generate claim sets, so it is rate-limited per client and globally (429).
     */
    @SuppressWarnings("try") // the permit is only held: close() gives the slot back when the request ends
    public void compatibility(Context ctx) {
        services.readAccess(ctx);
        String name = ContractNames.require(ctx.pathParam("name"));
        boolean acknowledged = Http.wideningAcknowledged(ctx);
        boolean fail = Http.flag(ctx, "fail");
        try (ClientRateGate.Permit permit = services.dryRuns.admit(ctx.req().getRemoteAddr())) {
            ContractBody body = ContractBody.parse(Http.body(ctx, Services.MAX_CONTRACT_BYTES), name);
            List<StoredVersion> existing = services.store.versions(name);
            CompatibilityMode mode = reads.mode(name);
            // every direction is searched, the safe ones too, within the request's budget (issue 11)
            SearchBudget budget = services.searchBudget();
            Map<String, CheckedDiff> checked = services.compatibility.checked(body.contract(), existing, mode, budget);
            Compatibility.Verdict verdict = services.compatibility.withCounterexamples(
                    services.compatibility.judge(body.contract(), existing, mode, acknowledged, checked),
                    body.contract(),
                    budget,
                    checked);
            if (fail && !verdict.compatible()) {
                throw incompatible(body, verdict);
            }
            ObjectNode json = verdict.toJson();
            json.put("name", name);
            json.put("version", body.contract().version());
            json.put("digest", body.digest());
            Http.json(ctx, 200, json);
        }
    }

    /** {@code PUT /contracts/{name}/config} with {@code {"mode": "FULL_TRANSITIVE"}}. */
    public void config(Context ctx) {
        Audit audit = new Audit(services.store, services.clock, "config");
        try {
            String name = authorizeOnContract(ctx, audit, "configure").name();
            String text = member(ctx, "mode");
            CompatibilityMode mode = CompatibilityMode.parse(text);
            if (mode == null) {
                throw Problem.of(
                        ProblemCode.INVALID_BODY, "mode is one of " + Arrays.toString(CompatibilityMode.values()));
            }
            if (!services.store.setMode(name, mode)) {
                throw Problem.of(ProblemCode.CONTRACT_NOT_FOUND, "no contract named '" + name + "'");
            }
            services.served.invalidate(name);
            audit.record(200, "mode " + mode.name());
            ObjectNode json = Json.NODES.objectNode().put("name", name).put("mode", mode.name());
            Http.json(ctx, 200, json);
        } catch (Problem problem) {
            audit.record(problem);
            throw problem;
        }
    }

    /** {@code PUT /contracts/{name}/versions/{version}/state} with {@code {"state": "DEPRECATED"}}. */
    public void state(Context ctx) {
        Audit audit = new Audit(services.store, services.clock, "state");
        try {
            String name = authorizeOnContract(ctx, audit, "deprecate").name();
            String version = ctx.pathParam("version");
            if (!VersionResolver.isExact(version)) {
                throw Problem.of(ProblemCode.INVALID_VERSION, "state is set on one exact version, e.g. 1.2.0");
            }
            audit.version(version);
            String text = member(ctx, "state");
            VersionState state = Arrays.stream(VersionState.values())
                    .filter(s -> s.name().equals(text))
                    .findFirst()
                    .orElseThrow(() -> Problem.of(ProblemCode.INVALID_BODY, "state is ACTIVE or DEPRECATED"));
            StoredVersion stored = reads.requireVersion(name, version);
            audit.digest(stored.digest());
            if (!services.store.setState(name, version, state)) {
                throw reads.notFound(name, version);
            }
            services.served.invalidate(name);
            audit.record(200, "state " + state.name());
            Http.json(
                    ctx,
                    200,
                    Json.NODES
                            .objectNode()
                            .put("name", name)
                            .put("version", version)
                            .put("state", state.name()));
        } catch (Problem problem) {
            audit.record(problem);
            throw problem;
        }
    }

    /** {@code GET /audit?limit=N}: newest first; contracts:admin. */
    public void audit(Context ctx) {
        Caller caller = services.auth().authenticate(Http.authorization(ctx));
        services.auth().requireOperation(caller, "audit");
        int limit = 100;
        String text = ctx.queryParam("limit");
        if (text != null) {
            try {
                limit = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_AUDIT_LIMIT) {
                throw Problem.of(ProblemCode.INVALID_PARAMETER, "'limit' is an integer from 1 to " + MAX_AUDIT_LIMIT);
            }
        }
        ArrayNode entries = Json.NODES.arrayNode();
        for (AuditEntry e : services.store.audit(limit)) {
            entries.addObject()
                    .put("at", e.at().toString())
                    .put("action", e.action())
                    .put("subject", e.subject())
                    .put("clientId", e.clientId())
                    .put("name", e.name())
                    .put("version", e.version())
                    .put("digest", e.digest())
                    .put("result", e.result());
        }
        ObjectNode body = Json.NODES.objectNode();
        body.set("entries", entries);
        Http.json(ctx, 200, body);
    }

    /** The caller and the contract name a write on {@code /contracts/{name}/...} was authorised for. */
    private record Authorized(Caller caller, String name) {}

    /**
     * Authenticates (audited as the caller), checks the operation's scope, validates the path's contract
     * name (audited) and checks the caller's namespaces cover it, in that order: every write route starts so.
     */
    private Authorized authorizeOnContract(Context ctx, Audit audit, String operation) {
        String pathName = ctx.pathParam("name");
        if (ContractNames.valid(pathName)) {
            audit.name(pathName); // a refused caller's entry still says which contract was targeted
        }
        Caller caller = authenticate(ctx, audit);
        services.auth().requireOperation(caller, operation);
        String name = ContractNames.require(ctx.pathParam("name"));
        audit.name(name);
        services.auth().requireNamespace(caller, name);
        return new Authorized(caller, name);
    }

    private Caller authenticate(Context ctx, Audit audit) {
        String authorization = ctx.header("Authorization");
        try {
            Caller caller = services.auth().authenticate(Http.authorization(ctx));
            audit.caller(caller);
            return caller;
        } catch (Problem problem) {
            audit.caller(authorization == null || authorization.isBlank() ? Caller.ANONYMOUS : Caller.INVALID_TOKEN);
            throw problem;
        }
    }

    /** A one-member JSON object body's string member, read strictly (duplicates refused), or a 400. */
    private static String member(Context ctx, String member) {
        StrictJson.Parsed parsed = StrictJson.parse(Http.body(ctx, Services.MAX_SMALL_BODY_BYTES));
        if (!parsed.ok()) {
            throw Problem.of(ProblemCode.INVALID_JSON, "the body is not JSON: " + parsed.detail());
        }
        JsonNode node = parsed.node();
        if (!node.isObject() || !node.path(member).isString() || node.size() != 1) {
            throw Problem.of(ProblemCode.INVALID_BODY, "the body is {\"" + member + "\": \"...\"}");
        }
        return node.path(member).stringValue();
    }
}
