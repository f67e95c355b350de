def all = basedir.listFiles().findAll { it.name.startsWith('build') && it.name.endsWith('.log') }.collect { it.text }.join('\n')
assert all.contains('MISMATCH   acme.orders-token@1.0.0')
assert all.contains('LOCK_DIGEST_MISMATCH')
assert all.contains('do not match the registry')
assert all.contains('is pinned at sha-256:1111111111111111111111111111111111111111111111111111111111111111 but the registry has sha-256:')
assert all.contains('re-pin with `mvn tokencontract:lock`')
assert !all.contains('\tat ') && !all.contains('Caused by')
true
