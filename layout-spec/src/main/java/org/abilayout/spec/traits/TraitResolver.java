package org.abilayout.spec.traits;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.DataModel;
import org.abilayout.spec.model.Annotation;
import org.abilayout.spec.model.AnnotationArg;
import org.abilayout.spec.predicate.Predicate;
import org.abilayout.spec.predicate.PredicateParser;
import org.abilayout.spec.source.Reporter;
import org.abilayout.spec.source.SourceFile;
import org.abilayout.spec.source.SourcePos;

/**
 * Gives the versioning annotations their meaning: validates their arguments and turns them into
 * {@link MemberTraits} and {@link RecordTraits}. Layout annotations ({@code @align},
 * {@code @packed}) are the resolver's; this class ignores them. Errors are added to the caller's
 * list, positioned at the offending argument.
 */
public final class TraitResolver {
    /** Largest version number; versions are small integers that count releases of a layout. */
    public static final int MAX_VERSION = 1 << 20;

    private final SourceFile source;
    private final Reporter reporter;

    public TraitResolver(Reporter reporter) {
        this.source = reporter.source();
        this.reporter = reporter;
    }

    public MemberTraits member(List<Annotation> annotations) {
        Optional<Predicate> condition = Optional.empty();
        int since = 1;
        boolean reserved = false;
        OptionalLong offset = OptionalLong.empty();
        boolean versionField = false;
        for (Annotation a : annotations) {
            switch (a.name()) {
                case "if" -> condition = predicate(a);
                case "since" -> since = (int) single(a, 1, MAX_VERSION, "a version number, e.g. @since(2)");
                case "reserved" -> reserved = noArgs(a);
                case "offset" -> offset = OptionalLong.of(single(a, 0, Long.MAX_VALUE, "a byte offset, e.g. @offset(16)"));
                case "version_field" -> versionField = noArgs(a);
                case "version", "size", "pad_to", "extensible", "accept" -> misplaced(a, "a struct or union");
                default -> { }
            }
        }
        return new MemberTraits(condition, since, reserved, offset, versionField);
    }

    public RecordTraits record(List<Annotation> annotations) {
        int version = 1;
        PerTarget size = PerTarget.NONE;
        PerTarget padTo = PerTarget.NONE;
        boolean extensible = false;
        List<Acknowledgement> acks = new ArrayList<>();
        for (Annotation a : annotations) {
            switch (a.name()) {
                case "version" -> version = (int) single(a, 1, MAX_VERSION, "a version number, e.g. @version(2)");
                case "size" -> size = perTarget(a);
                case "pad_to" -> padTo = perTarget(a);
                case "extensible" -> extensible = noArgs(a);
                case "accept" -> acknowledgement(a).ifPresent(acks::add);
                case "if", "since", "reserved", "offset", "version_field" -> misplaced(a, "a member");
                default -> { }
            }
        }
        if (!size.isEmpty() && !padTo.isEmpty()) {
            error(annotations.stream().filter(a -> a.name().equals("pad_to")).findFirst().orElseThrow().pos(),
                    "@size and @pad_to on one struct: @pad_to already fixes the size");
        }
        return new RecordTraits(version, size, padTo, extensible, acks);
    }

    /** Annotations that make sense on no typedef, enum or constant: reports them there. */
    public void other(List<Annotation> annotations, String what) {
        for (Annotation a : annotations) {
            switch (a.name()) {
                case "if", "since", "reserved", "offset", "version_field" -> misplaced(a, "a member, not " + what);
                case "version", "size", "pad_to", "extensible", "accept" -> misplaced(a, "a struct or union, not " + what);
                default -> { }
            }
        }
    }

    private Optional<Predicate> predicate(Annotation a) {
        if (a.args().size() != 1 || !(a.args().getFirst() instanceof AnnotationArg.Text text)) {
            error(a.pos(), "@if takes one predicate, e.g. @if(ilp32) or @if(lp64 && !arch(mips64))");
            return Optional.empty();
        }
        if (text.text().isBlank()) return Optional.empty(); // the resolver reports the empty @if()
        return predicate(text.text(), text.pos());
    }

    private Optional<Predicate> predicate(String text, SourcePos pos) {
        try {
            return Optional.of(PredicateParser.parse(text));
        } catch (PredicateParser.PredicateException e) {
            SourcePos at = pos.offset() > 0 || pos.line() > 0 ? source.pos(Math.min(source.text().length(), pos.offset() + e.index())) : pos;
            error(at, e.getMessage());
            return Optional.empty();
        }
    }

    private long single(Annotation a, long min, long max, String expected) {
        if (a.args().size() != 1 || !(a.args().getFirst() instanceof AnnotationArg.Int i)) {
            error(a.pos(), "@" + a.name() + " takes " + expected);
            return min;
        }
        if (i.value() < min || i.value() > max) {
            error(i.pos(), "@" + a.name() + "(" + i.value() + ") is out of range: expected " + expected);
            return min;
        }
        return i.value();
    }

    private boolean noArgs(Annotation a) {
        if (!a.args().isEmpty()) error(a.args().getFirst().pos(), "@" + a.name() + " takes no arguments");
        return true;
    }

    private void misplaced(Annotation a, String where) {
        error(a.pos(), "@" + a.name() + " belongs on " + where);
    }

    private PerTarget perTarget(Annotation a) {
        List<PerTarget.Entry> entries = new ArrayList<>();
        String usage = "@" + a.name() + " takes a size, or sizes per data model or target, e.g. @"
                + a.name() + "(lp64: 40, ilp32: 24)";
        if (a.args().isEmpty()) error(a.pos(), usage);
        for (AnnotationArg arg : a.args()) {
            switch (arg) {
                case AnnotationArg.Int i when a.args().size() == 1 ->
                        entries.add(new PerTarget.Entry(new PerTarget.Key.Any(), positive(a, i), i.pos()));
                case AnnotationArg.Keyed k when k.value() instanceof AnnotationArg.Int i -> {
                    PerTarget.Key key = key(k.key(), k.pos());
                    if (key == null) continue;
                    if (entries.stream().anyMatch(e -> e.key().equals(key))) {
                        error(k.pos(), "'" + k.key() + "' is given twice in @" + a.name());
                        continue;
                    }
                    entries.add(new PerTarget.Entry(key, positive(a, i), k.pos()));
                }
                default -> error(arg.pos(), usage);
            }
        }
        return new PerTarget(entries);
    }

    private long positive(Annotation a, AnnotationArg.Int i) {
        if (i.value() <= 0) error(i.pos(), "@" + a.name() + " needs a positive size, not " + i.value());
        return i.value();
    }

    private PerTarget.Key key(String key, SourcePos pos) {
        switch (key) {
            case "default" -> {
                return new PerTarget.Key.Any();
            }
            case "lp64", "ilp32", "llp64" -> {
                return new PerTarget.Key.Model(DataModel.valueOf(key.toUpperCase(java.util.Locale.ROOT)));
            }
            default -> {
                if (Catalogue.byName(key).isPresent()) return new PerTarget.Key.Named(key);
                error(pos, "unknown key '" + key + "': use lp64, ilp32, llp64, default or a target name (see `abilayout targets`)");
                return null;
            }
        }
    }

    private Optional<Acknowledgement> acknowledgement(Annotation a) {
        String usage = "@accept takes a change kind and a reason, e.g. "
                + "@accept(alignment_raised, targets: \"lp64 || llp64\", reason: \"clients never embed it\")";
        if (a.args().isEmpty() || !(a.args().getFirst() instanceof AnnotationArg.Name kindArg)) {
            error(a.pos(), usage);
            return Optional.empty();
        }
        // the change kind names the checker's vocabulary: the compatibility module checks it
        Optional<String> member = Optional.empty();
        Optional<Predicate> targets = Optional.empty();
        String reason = null;
        for (AnnotationArg arg : a.args().subList(1, a.args().size())) {
            if (!(arg instanceof AnnotationArg.Keyed k)) {
                error(arg.pos(), usage);
                continue;
            }
            switch (k.key()) {
                case "member" -> {
                    if (k.value() instanceof AnnotationArg.Name n) member = Optional.of(n.name());
                    else if (k.value() instanceof AnnotationArg.Str s) member = Optional.of(s.value());
                    else error(k.value().pos(), "member: takes a member name");
                }
                case "targets" -> {
                    if (k.value() instanceof AnnotationArg.Str s) {
                        // the string's text starts one character after the opening quote
                        SourcePos p = s.pos();
                        targets = predicate(s.value(), new SourcePos(p.file(), p.line(), p.column() + 1, p.offset() + 1));
                    } else if (k.value() instanceof AnnotationArg.Name n) {
                        targets = predicate(n.name(), n.pos());
                    } else {
                        error(k.value().pos(), "targets: takes a predicate in quotes, e.g. targets: \"ilp32\"");
                    }
                }
                case "reason" -> {
                    if (k.value() instanceof AnnotationArg.Str s && !s.value().isBlank()) reason = s.value();
                    else error(k.value().pos(), "reason: takes a non-empty string saying why the change is acceptable");
                }
                default -> error(k.pos(), "unknown @accept key '" + k.key() + "'; known: member, targets, reason");
            }
        }
        if (reason == null) {
            error(a.pos(), "@accept needs a reason: \"...\" saying why the change is acceptable");
            return Optional.empty();
        }
        return Optional.of(new Acknowledgement(kindArg.name(), kindArg.pos(), member, targets, reason, a.pos()));
    }

    private void error(SourcePos pos, String message) {
        reporter.error(pos, message);
    }
}
