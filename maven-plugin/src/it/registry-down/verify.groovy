def all = basedir.listFiles().findAll { it.name.startsWith('build') && it.name.endsWith('.log') }.collect { it.text }.join('\n')
assert all.contains('1 of 1 lockfile entries could not be checked')
assert all.contains('connection refused')
assert all.contains('could not check acme.orders-token@1.1.0 against the registry: registry http://127.0.0.1:1 is unreachable: connection refused')
assert all.contains('BUILD FAILURE')
assert !all.contains('\tat ') && !all.contains('Caused by') && !all.contains('Exception:')
true
