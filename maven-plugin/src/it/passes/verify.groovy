// the build passed (invoker checks the exit codes); here: what it said and what it left behind
def log = new File(basedir, 'build.log').text
assert log.contains('Locked 1 contract in')
assert log.contains('acme.orders-token@^1.0.0 -> acme.orders-token@1.0.0  sha256 ')
assert log.contains('Lint of ') && log.contains('PASSED acme.orders-token@1.1.0')
assert log.contains('VERIFIED: 1 entry matches its pinned sha-256')
assert log.contains('Fetched acme.orders-token@1.0.0 sha256 ')
assert log.contains('COMPATIBLE under FULL_TRANSITIVE')
assert log.contains('[cosmetic] /description')
assert log.contains('Published acme.orders-token@1.1.0 from ') && log.contains('created (HTTP 201)')
assert log.contains('already there with the same content (HTTP 200)')
assert !log.contains('\tat ') && !log.contains('Caused by')

def lock = new groovy.json.JsonSlurper().parse(new File(basedir, 'tokencontract.lock'))
assert lock.contracts.size() == 1
assert lock.contracts[0].name == 'acme.orders-token' && lock.contracts[0].version == '1.0.0'
assert lock.contracts[0].sha256 ==~ /[0-9a-f]{64}/
def fetched = new File(basedir, 'target/classes/tokencontract/acme.orders-token.json')
assert fetched.isFile()
assert java.security.MessageDigest.getInstance('SHA-256').digest(fetched.bytes).encodeHex().toString() == lock.contracts[0].sha256
true
