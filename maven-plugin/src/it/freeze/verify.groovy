// freeze writes umtx.layout.lock next to the spec; a second freeze leaves it as it is; and the
// lock is byte for byte the one committed for the compatibility ITs (output is deterministic).
def log = new File(basedir, 'build.log').text
def lock = new File(basedir, 'src/main/layout/umtx.layout.lock')

assert lock.isFile()
assert lock.text.contains('"abilayout_lock": 2')
assert log.contains('abilayout: wrote src/main/layout/umtx.layout.lock')
assert log.contains('abilayout: unchanged src/main/layout/umtx.layout.lock')
assert lock.text == new File(basedir, '../../../src/it/compatible-evolution/src/main/layout/umtx.layout.lock').text
return true
