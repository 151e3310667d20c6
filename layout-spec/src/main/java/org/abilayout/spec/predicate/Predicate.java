package org.abilayout.spec.predicate;

import java.util.List;
import java.util.stream.Collectors;
import org.abilayout.arch.Cpu;
import org.abilayout.arch.DataModel;
import org.abilayout.arch.Endian;
import org.abilayout.arch.Os;
import org.abilayout.arch.Target;

/**
 * A condition over targets, as written in {@code @if(...)}: data model ({@code lp64},
 * {@code ilp32}, {@code llp64}), byte order ({@code big_endian}, {@code little_endian}),
 * {@code arch(cpu, ...)}, {@code os(name, ...)}, {@code target(triple, ...)}, combined with
 * {@code !}, {@code &&}, {@code ||} and parentheses. Parsed by {@link PredicateParser}.
 */
public sealed interface Predicate {

    boolean test(Target target);

    /** Canonical spec spelling (fully parenthesised where needed). */
    String spelling();

    record IsDataModel(DataModel model) implements Predicate {
        public boolean test(Target t) {
            return t.dataModel() == model;
        }

        public String spelling() {
            return model.predicateName();
        }
    }

    record IsEndian(Endian endian) implements Predicate {
        public boolean test(Target t) {
            return t.endian() == endian;
        }

        public String spelling() {
            return endian == Endian.BIG ? "big_endian" : "little_endian";
        }
    }

    /** {@code arch(...)}: the target's cpu family is one of these. */
    record ArchIn(List<Cpu> cpus) implements Predicate {
        public ArchIn {
            cpus = List.copyOf(cpus);
        }

        public boolean test(Target t) {
            return cpus.contains(t.cpu());
        }

        public String spelling() {
            return "arch(" + cpus.stream().map(Cpu::specName).collect(Collectors.joining(", ")) + ")";
        }
    }

    /** {@code os(...)}: the target's operating system is one of these. */
    record OsIn(List<Os> oses) implements Predicate {
        public OsIn {
            oses = List.copyOf(oses);
        }

        public boolean test(Target t) {
            return oses.contains(t.os());
        }

        public String spelling() {
            return "os(" + oses.stream().map(Os::specName).collect(Collectors.joining(", ")) + ")";
        }
    }

    /** {@code target(...)}: the target is one of these catalogue entries. */
    record TargetIn(List<String> names) implements Predicate {
        public TargetIn {
            names = List.copyOf(names);
        }

        public boolean test(Target t) {
            return names.contains(t.name());
        }

        public String spelling() {
            return "target(" + String.join(", ", names) + ")";
        }
    }

    record Not(Predicate operand) implements Predicate {
        public boolean test(Target t) {
            return !operand.test(t);
        }

        public String spelling() {
            return "!" + (operand instanceof And || operand instanceof Or ? "(" + operand.spelling() + ")" : operand.spelling());
        }
    }

    record And(List<Predicate> operands) implements Predicate {
        public And {
            operands = List.copyOf(operands);
        }

        public boolean test(Target t) {
            for (Predicate p : operands) if (!p.test(t)) return false;
            return true;
        }

        public String spelling() {
            return operands.stream().map(p -> p instanceof Or ? "(" + p.spelling() + ")" : p.spelling())
                    .collect(Collectors.joining(" && "));
        }
    }

    record Or(List<Predicate> operands) implements Predicate {
        public Or {
            operands = List.copyOf(operands);
        }

        public boolean test(Target t) {
            for (Predicate p : operands) if (p.test(t)) return true;
            return false;
        }

        public String spelling() {
            return operands.stream().map(Predicate::spelling).collect(Collectors.joining(" || "));
        }
    }
}
