package dev.tokencontract.conformance.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The code sample of docs/conformance.md, kept here so that it keeps compiling and passing. */
class DocsExampleTest {

    record Order(String customer, List<Integer> quantities) {
        int total() {
            return quantities.stream().mapToInt(Integer::intValue).sum();
        }
    }

    // docs:start
    static final Gen<Order> ORDERS = in -> new Order(
            in.draw(Gen.elements("alice", "bob", "carol").labelled(c -> "customer=" + c)),
            in.draw(Gen.lists(Gen.ints(1, 50), 1, 10)));

    @Test
    void orderTotalWhenComputedThenAtLeastTheLargestQuantity() {
        Property.forAll(ORDERS)
                .tries(500)
                .requireCoverage("customer=alice", "customer=bob", "customer=carol")
                .check(order -> assertThat(order.total())
                        .isGreaterThanOrEqualTo(order.quantities().stream()
                                .mapToInt(Integer::intValue)
                                .max()
                                .orElseThrow()));
    }
    // docs:end
}
