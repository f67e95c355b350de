def all = basedir.listFiles().findAll { it.name.startsWith('build') && it.name.endsWith('.log') }.collect { it.text }.join('\n')
assert all.contains('Locked 1 contract in')
assert all.contains(' (offline)')
assert all.contains('matches its pinned sha-256 (cached copy; registry unreachable)')
assert all.contains('offline mode: ') && all.contains('was not contacted')
assert all.contains('VERIFIED: 1 entry matches its pinned sha-256')
assert all.contains('(offline cache) -> ')
assert new File(basedir, 'target/classes/tokencontract/acme.orders-token.json').isFile()
true
