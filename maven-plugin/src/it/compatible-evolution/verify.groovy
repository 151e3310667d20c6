// umtx v2 took its new members out of v1's reserved space (@since(2), @version(2)): checked
// against the committed v1 lock, the build passes and the report says why.
def log = new File(basedir, 'build.log').text

assert log.contains('src/main/layout/umtx.layout against src/main/layout/umtx.layout.lock')
assert log.contains("ok: reserved_consumed 'm_rb_lnk'")
assert log =~ /compatible: 0 breaking, \d+ compatible/
// the alignment raised on 64-bit targets is acknowledged with @accept: a note with its reason
assert log.contains('accepted on all targets with 64-bit pointers')
assert log.contains('reason: libthr allocates and places struct umutex itself')
assert log.contains('BUILD SUCCESS')
return true
