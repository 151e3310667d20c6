// Two builds with nothing changed: the first generates and compiles, the second says in one
// line that there was nothing to generate, and the compiler finds nothing changed. A third
// build with another configuration (no C headers) regenerates and deletes the stale header; a
// fourth finds no spec and deletes everything the spec produced.
def log = new File(basedir, 'build.log').text

def generated = log.findAll(/abilayout: generated \d+ files? from 1 spec.*/)
def skipped = log.findAll(/abilayout: 1 spec unchanged since the last run, nothing to generate/)
assert generated.size() == 2 : "the first and third builds generate: ${generated}"
assert skipped.size() == 1 : "the second build generates nothing: ${skipped}"
def first = log.indexOf(generated[0])
def second = log.indexOf(skipped[0])
def third = log.indexOf(generated[1], second)
assert first < second && second < third
// the second compile sees no changed source (generated files untouched)
assert log.substring(second, third).contains('Nothing to compile - all classes are up to date')
// the third: Java only, the header of the first build deleted as stale
assert generated[1].contains('deleted 1 stale file')
assert !new File(basedir, 'target/generated-sources/abilayout-c').listFiles().any { it.name.endsWith('.h') }
// the fourth: no specs, so the Java files of the third are stale, and so are their directories
assert log =~ /abilayout: no specs in .*no-specs, deleted 2 stale files/
assert !new File(basedir, 'target/generated-sources/abilayout/example').exists()
assert new File(basedir, 'target/abilayout/generate.state').isFile()
return true
