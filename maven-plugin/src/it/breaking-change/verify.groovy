// The check fails the build with the grouped verdict: the type, the member, what changed and
// the targets it breaks on.
def log = new File(basedir, 'build.log').text

assert log.contains('src/main/layout/umtx.layout against src/main/layout/umtx.layout.lock')
assert log.contains("error: member_size_changed 'm_flags'")
// where long is 64-bit the member grows; where it is 32-bit its type changes at the same size
assert log.contains('breaks on all lp64 targets (18): x86_64-linux-gnu')
assert log.contains("error: member_type_changed_same_size 'm_flags': uint32_t -> unsigned long")
assert log =~ /breaks on \d+ targets: i386-linux-gnu/
assert log.contains('BREAKING: ')
assert log.contains('abilayout: breaking ABI change in src/main/layout/umtx.layout')
assert !log.contains('\tat org.abilayout')
return true
