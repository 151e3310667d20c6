package org.abilayout.spec.resolve;

import java.math.BigInteger;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.Scalar;
import org.abilayout.arch.Target;

/** C arithmetic type spellings and the value ranges constants of each type may hold. */
final class Scalars {
    private Scalars() {}

    /** Why a spelling is invalid; the caller positions the message. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The scalar that a sequence of C type keywords denotes, in any legal order
     * ({@code unsigned long int}, {@code int long unsigned}); empty for {@code void}.
     */
    static Optional<Scalar> of(List<String> words) throws Invalid {
        int signed = 0, unsigned = 0, shorts = 0, longs = 0, chars = 0, ints = 0, floats = 0, doubles = 0,
                voids = 0, bools = 0;
        for (String w : words) {
            switch (w) {
                case "signed" -> signed++;
                case "unsigned" -> unsigned++;
                case "short" -> shorts++;
                case "long" -> longs++;
                case "char" -> chars++;
                case "int" -> ints++;
                case "float" -> floats++;
                case "double" -> doubles++;
                case "void" -> voids++;
                case "_Bool", "bool" -> bools++;
                case "_Complex" -> throw new Invalid("_Complex types are not supported");
                default -> throw new IllegalArgumentException(w);
            }
        }
        String spelled = "'" + String.join(" ", words) + "'";
        for (int[] c : new int[][] {{signed}, {unsigned}, {shorts}, {chars}, {ints}, {floats}, {doubles}, {voids}, {bools}}) {
            if (c[0] > 1) throw new Invalid("duplicate type specifier in " + spelled);
        }
        if (longs > 2) throw new Invalid("'long long long' is too long for C: " + spelled);
        if (signed + unsigned > 1) throw new Invalid("'signed' and 'unsigned' cannot be combined: " + spelled);
        int bases = chars + ints + floats + doubles + voids + bools;
        boolean sign = signed + unsigned > 0;
        String invalid = "invalid combination of type specifiers " + spelled;
        if (bases > 1 && !(ints == 1 && bases == 1)) throw new Invalid(invalid);
        if (voids + bools + floats > 0) {
            if (sign || shorts > 0 || longs > 0) throw new Invalid(invalid);
            if (voids > 0) return Optional.empty();
            return Optional.of(bools > 0 ? Scalar.BOOL : Scalar.FLOAT);
        }
        if (doubles > 0) {
            if (sign || shorts > 0 || longs > 1) throw new Invalid(invalid);
            return Optional.of(longs == 1 ? Scalar.LONG_DOUBLE : Scalar.DOUBLE);
        }
        if (chars > 0) {
            if (shorts > 0 || longs > 0) throw new Invalid(invalid);
            return Optional.of(signed > 0 ? Scalar.SCHAR : unsigned > 0 ? Scalar.UCHAR : Scalar.CHAR);
        }
        if (shorts > 0 && longs > 0) throw new Invalid("'short' and 'long' cannot be combined: " + spelled);
        boolean u = unsigned > 0;
        if (shorts > 0) return Optional.of(u ? Scalar.USHORT : Scalar.SHORT);
        if (longs == 2) return Optional.of(u ? Scalar.ULONG_LONG : Scalar.LONG_LONG);
        if (longs == 1) return Optional.of(u ? Scalar.ULONG : Scalar.LONG);
        return Optional.of(u ? Scalar.UINT : Scalar.INT);
    }

    /** Inclusive value range of an integer scalar that holds on every catalogue target. */
    record Range(BigInteger min, BigInteger max, boolean targetDependent) {
        boolean contains(BigInteger v) {
            return v.compareTo(min) >= 0 && v.compareTo(max) <= 0;
        }
    }

    private static final Map<Scalar, Range> RANGES = new EnumMap<>(Scalar.class);

    static {
        for (Scalar s : Scalar.values()) {
            if (!s.isInteger()) continue;
            long minSize = Long.MAX_VALUE;
            long maxSize = 0;
            for (Target t : Catalogue.all()) {
                minSize = Math.min(minSize, t.info(s).size());
                maxSize = Math.max(maxSize, t.info(s).size());
            }
            int bits = (int) (minSize * 8);
            BigInteger min;
            BigInteger max;
            switch (s.kind()) {
                case BOOL -> {
                    min = BigInteger.ZERO;
                    max = BigInteger.ONE;
                }
                // plain char and wchar_t are signed on some targets and unsigned on others: only
                // the values both agree on are portable
                case CHAR -> {
                    min = BigInteger.ZERO;
                    max = BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE);
                }
                case SIGNED -> {
                    min = BigInteger.ONE.shiftLeft(bits - 1).negate();
                    max = BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE);
                }
                default -> {
                    min = BigInteger.ZERO;
                    max = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
                }
            }
            boolean dependent = minSize != maxSize || s.kind() == Scalar.Kind.CHAR;
            RANGES.put(s, new Range(min, max, dependent));
        }
    }

    static Range range(Scalar s) {
        Range r = RANGES.get(s);
        if (r == null) throw new IllegalArgumentException(s + " is not an integer type");
        return r;
    }

    /** "does not fit in uint8_t (0..255)", with "on every target" for target-dependent types. */
    static String doesNotFit(BigInteger value, Scalar s) {
        Range r = range(s);
        return value + " does not fit in " + s.spelling() + (r.targetDependent() ? " on every target" : "")
                + " (" + r.min() + ".." + r.max() + ")";
    }
}
