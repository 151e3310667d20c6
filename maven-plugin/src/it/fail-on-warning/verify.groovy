// A note nobody acknowledged (here an @accept that matches no change) fails the check when
// failOnWarning is set, and the report says which @accept to remove.
def log = new File(basedir, 'build.log').text

assert log.contains("note: stale_acknowledgement")
assert log.contains('remove the @accept')
assert log.contains('abilayout: unacknowledged notes in src/main/layout/counter.layout and failOnWarning is set')
assert !log.contains('\tat org.abilayout')
return true
