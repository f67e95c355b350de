package dev.tokencontract.conformance.generate;

import dev.tokencontract.conformance.engine.Choices;
import dev.tokencontract.conformance.engine.Rejected;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import tools.jackson.databind.JsonNode;

/** Numbers within every bound of the conjunction and a multiple of every {@code multipleOf}. */
final class NumberGen {
    private static final BigInteger SPREAD = BigInteger.valueOf(1_000_000);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    JsonNode generate(Conjunction c, Choices in, boolean integer, boolean nonInteger) {
        Bound low = null;
        Bound high = null;
        for (JsonNode schema : c.schemas) {
            low = tighterLow(low, schema.get("minimum"), false);
            low = tighterLow(low, schema.get("exclusiveMinimum"), true);
            high = tighterHigh(high, schema.get("maximum"), false);
            high = tighterHigh(high, schema.get("exclusiveMaximum"), true);
        }
        BigDecimal step = integer ? BigDecimal.ONE : null;
        for (JsonNode multiple : c.all("multipleOf")) {
            if (multiple.isNumber() && multiple.decimalValue().signum() > 0) {
                step = step == null ? multiple.decimalValue() : lcm(step, multiple.decimalValue());
            }
        }
        if (step != null && !(nonInteger && step.stripTrailingZeros().scale() <= 0)) {
            BigInteger kLow = low == null ? null : ceilDiv(low, step);
            BigInteger kHigh = high == null ? null : floorDiv(high, step);
            if (kLow != null && kHigh != null && kLow.compareTo(kHigh) > 0) {
                throw new Rejected("no multiple of " + step.toPlainString() + " within the bounds");
            }
            return node(step.multiply(new BigDecimal(pickInteger(in, kLow, kHigh))));
        }
        return fractional(in, low, high, nonInteger);
    }

    private static JsonNode fractional(Choices in, Bound low, Bound high, boolean nonInteger) {
        BigDecimal fraction = BigDecimal.valueOf(1 + in.choose(998), 3);
        if (low != null && high != null) {
            if (low.value.compareTo(high.value) > 0
                    || (low.value.compareTo(high.value) == 0 && (low.exclusive || high.exclusive))) {
                throw new Rejected("number bounds leave no value");
            }
            if (!nonInteger && in.bool(0.3)) {
                BigInteger kLow = ceilDiv(low, BigDecimal.ONE);
                BigInteger kHigh = floorDiv(high, BigDecimal.ONE);
                if (kLow.compareTo(kHigh) <= 0) {
                    return node(new BigDecimal(pickInteger(in, kLow, kHigh)));
                }
            }
            BigDecimal width = high.value.subtract(low.value);
            return node(low.value.add(width.multiply(fraction)));
        }
        BigInteger base;
        if (low != null) {
            base = pickInteger(in, low.value.setScale(0, RoundingMode.CEILING).toBigInteger(), null);
        } else if (high != null) {
            base = pickInteger(
                    in,
                    null,
                    high.value.setScale(0, RoundingMode.FLOOR).toBigInteger().subtract(BigInteger.ONE));
        } else {
            base = pickInteger(in, null, null);
        }
        boolean whole = !nonInteger && !in.bool(0.3);
        BigDecimal value = new BigDecimal(base);
        if (whole && (low == null || !low.exclusive || value.compareTo(low.value) > 0)) {
            return node(value);
        }
        return node(value.add(fraction));
    }

    /** An integer in [low, high] (either may be null: unbounded), shrinking towards 0 or the bound nearest 0. */
    static BigInteger pickInteger(Choices in, BigInteger low, BigInteger high) {
        if (low != null && high != null && low.compareTo(high) > 0) {
            throw new Rejected("integer bounds leave no value");
        }
        if (low != null && low.signum() >= 0) {
            BigInteger width = high == null ? SPREAD : high.subtract(low);
            return low.add(BigInteger.valueOf(in.choose(width.min(LONG_MAX).longValue())));
        }
        if (high != null && high.signum() <= 0) {
            BigInteger width = low == null ? SPREAD : high.subtract(low);
            return high.subtract(
                    BigInteger.valueOf(in.choose(width.min(LONG_MAX).longValue())));
        }
        BigInteger up = high == null ? SPREAD : high;
        BigInteger down = low == null ? SPREAD : low.negate();
        if (!in.bool()) {
            return BigInteger.valueOf(in.choose(up.min(LONG_MAX).longValue()));
        }
        return BigInteger.valueOf(
                -1 - in.choose(down.subtract(BigInteger.ONE).min(LONG_MAX).longValue()));
    }

    static JsonNode node(BigDecimal value) {
        BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            BigInteger whole = stripped.toBigIntegerExact();
            return whole.bitLength() < 64
                    ? Context.NODES.numberNode(whole.longValue())
                    : Context.NODES.numberNode(whole);
        }
        return Context.NODES.numberNode(stripped);
    }

    private static BigInteger ceilDiv(Bound low, BigDecimal step) {
        BigDecimal quotient = low.value.divide(step, 0, RoundingMode.CEILING);
        if (low.exclusive && quotient.multiply(step).compareTo(low.value) == 0) {
            quotient = quotient.add(BigDecimal.ONE);
        }
        return quotient.toBigInteger();
    }

    private static BigInteger floorDiv(Bound high, BigDecimal step) {
        BigDecimal quotient = high.value.divide(step, 0, RoundingMode.FLOOR);
        if (high.exclusive && quotient.multiply(step).compareTo(high.value) == 0) {
            quotient = quotient.subtract(BigDecimal.ONE);
        }
        return quotient.toBigInteger();
    }

    static BigDecimal lcm(BigDecimal a, BigDecimal b) {
        int scale = Math.max(
                0,
                Math.max(a.stripTrailingZeros().scale(), b.stripTrailingZeros().scale()));
        BigInteger x = a.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue();
        BigInteger y = b.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue();
        BigInteger lcm = x.divide(x.gcd(y)).multiply(y);
        return new BigDecimal(lcm, scale);
    }

    private static Bound tighterLow(Bound current, JsonNode keyword, boolean exclusive) {
        if (keyword == null || !keyword.isNumber()) {
            return current;
        }
        Bound candidate = new Bound(keyword.decimalValue(), exclusive);
        if (current == null) {
            return candidate;
        }
        int cmp = candidate.value.compareTo(current.value);
        return cmp > 0 || (cmp == 0 && exclusive) ? candidate : current;
    }

    private static Bound tighterHigh(Bound current, JsonNode keyword, boolean exclusive) {
        if (keyword == null || !keyword.isNumber()) {
            return current;
        }
        Bound candidate = new Bound(keyword.decimalValue(), exclusive);
        if (current == null) {
            return candidate;
        }
        int cmp = candidate.value.compareTo(current.value);
        return cmp < 0 || (cmp == 0 && exclusive) ? candidate : current;
    }

    private record Bound(BigDecimal value, boolean exclusive) {}
}
