package dev.tokencontract.examples.crm;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A small in-memory CRM, per tenant. Every write is recorded with the real user and the actor. */
public final class Crm {
    public record Customer(String id, String tenant, String name, String status) {}

    public record Employee(String id, String tenant, String name, String department, String salaryBand) {}

    /**
     * One write, as audited.
     *
     * @param by    the user the write was for ({@code sub})
     * @param actor who acted for them ({@code act.sub}), or {@code null} for a direct call
     */
    public record Write(Instant at, String tool, String tenant, String target, String change, String by, String actor) {
        public String describe() {
            return "WRITE " + tool + " " + target + " " + change + " by " + by + " (tenant " + tenant + ")"
                    + (actor == null ? "" : " via " + actor);
        }
    }

    public static final Set<String> STATUSES = Set.of("active", "suspended", "closed");

    private final Map<String, Customer> customers = new ConcurrentHashMap<>();
    private final Map<String, Employee> employees = new ConcurrentHashMap<>();
    private final Map<String, Boolean> features = new ConcurrentHashMap<>();
    private final List<Write> writes = new CopyOnWriteArrayList<>();
    private final Clock clock;
    private final PrintStream auditOut;

    public Crm(Clock clock, PrintStream auditOut) {
        this.clock = clock;
        this.auditOut = auditOut;
        for (Customer c : List.of(
                new Customer("c-100", "acme", "Road Runner Logistics", "active"),
                new Customer("c-101", "acme", "Coyote Engineering", "active"),
                new Customer("c-200", "globex", "Globex Foods", "active"))) {
            customers.put(c.id(), c);
        }
        for (Employee e : List.of(
                new Employee("e-1", "acme", "Hana Schmidt", "HR", "B4"),
                new Employee("e-2", "acme", "Alice Example", "Support", "B2"),
                new Employee("e-3", "globex", "Hank Scorpio", "Executive", "X1"))) {
            employees.put(e.id(), e);
        }
        features.put("acme/beta-dashboard", false);
        features.put("globex/beta-dashboard", false);
    }

    /** Only within the caller's tenant: another tenant's customer does not exist for them. */
    public Optional<Customer> customer(String tenant, String id) {
        return Optional.ofNullable(customers.get(id)).filter(c -> c.tenant().equals(tenant));
    }

    public Optional<Employee> employee(String tenant, String id) {
        return Optional.ofNullable(employees.get(id)).filter(e -> e.tenant().equals(tenant));
    }

    public synchronized Optional<Customer> updateStatus(
            String tenant, String id, String status, String by, String actor) {
        Optional<Customer> current = customer(tenant, id);
        current.ifPresent(c -> {
            customers.put(id, new Customer(c.id(), c.tenant(), c.name(), status));
            record(new Write(
                    clock.instant(), "updateAccountStatus", tenant, id, c.status() + "->" + status, by, actor));
        });
        return current.map(c -> customers.get(id));
    }

    public synchronized boolean toggleFeature(String tenant, String feature, boolean enabled, String by, String actor) {
        String key = tenant + "/" + feature;
        Boolean before = features.get(key);
        if (before == null) {
            return false;
        }
        features.put(key, enabled);
        record(new Write(clock.instant(), "toggleFeature", tenant, feature, before + "->" + enabled, by, actor));
        return true;
    }

    public Optional<Boolean> feature(String tenant, String feature) {
        return Optional.ofNullable(features.get(tenant + "/" + feature));
    }

    /** The audit log, oldest first. */
    public List<Write> writes() {
        return List.copyOf(writes);
    }

    private void record(Write write) {
        writes.add(write);
        auditOut.println("crm-mcp-server: " + write.describe());
    }
}
