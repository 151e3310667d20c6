// The build generated, compiled, and the consumer's own test used the accessors.
def log = new File(basedir, 'build.log').text
def gen = new File(basedir, 'target/generated-sources/abilayout')
def headers = new File(basedir, 'target/generated-sources/abilayout-c')

assert log.contains('abilayout: generated ')
assert new File(gen, 'org/example/shm/CounterBlock.java').isFile()
// one header per spec, named after its package
assert new File(headers, 'example_shm.h').text.contains('struct counter_block {')
assert new File(basedir, 'target/classes/org/example/shm/CounterBlock.class').isFile()
assert log =~ /Tests run: 2, Failures: 0, Errors: 0, Skipped: 0/
// reports: the layouts (text and the JSON contract of `abilayout layout`) and the verdict
def reports = new File(basedir, 'target/abilayout-reports')
assert new File(reports, 'counter.layout.txt').text.contains('counter_block')
def layout = new groovy.json.JsonSlurper().parse(new File(reports, 'counter.layout.json'))
assert layout.types.find { it.name == 'counter_block' }.layouts['x86_64-linux-gnu'].size == 32
assert new File(reports, 'counter.verdict.txt').text.contains('compatible: 0 breaking')
assert new File(reports, 'counter.verdict.json').isFile()
// no lock committed: check looks at the spec's own history and says so
assert log.contains('no lock yet')
return true
