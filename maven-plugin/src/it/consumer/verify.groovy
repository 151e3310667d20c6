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
// no lock committed: check looks at the spec's own history and says so
assert log.contains('no lock yet')
return true
