def log = new File(basedir, 'build.log').text
assert log.contains('INCOMPATIBLE under FULL_TRANSITIVE')
assert log.contains('[consumer-breaking] /required')
assert log.contains("claim 'region' is now required")
assert log.contains('Counterexample (consumer-breaking, against 1.0.0) rejected by CLAIM_MISSING')
assert log.contains('contract is incompatible with the published versions')
assert log.contains('BUILD FAILURE')
assert !log.contains('\tat ') && !log.contains('Caused by')
true
