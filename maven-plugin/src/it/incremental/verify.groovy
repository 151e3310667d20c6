// Two builds with nothing changed: the first generates and compiles, the second says in one
// line that there was nothing to generate, and the compiler finds nothing changed.
def log = new File(basedir, 'build.log').text

def generated = log.findAll(/abilayout: generated \d+ files? from 1 spec/)
def skipped = log.findAll(/abilayout: 1 spec unchanged since the last run, nothing to generate/)
assert generated.size() == 1 : "first build generates once: ${generated}"
assert skipped.size() == 1 : "second build generates nothing: ${skipped}"
assert log.indexOf(generated[0]) < log.indexOf(skipped[0])
// the second compile sees no changed source (generated files untouched)
def tail = log.substring(log.indexOf(skipped[0]))
assert tail.contains('Nothing to compile - all classes are up to date')
assert new File(basedir, 'target/abilayout/generate.state').isFile()
return true
