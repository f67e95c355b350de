// invocation 1 (refused) and 2 (acknowledged) both write build.log: invoker keeps the last as build.log and
// the earlier one is not kept, so the refusal is asserted from the first log invoker saves as build.log.1 if any
def dir = basedir
def logs = dir.listFiles().findAll { it.name.startsWith('build') && it.name.endsWith('.log') }.collect { it.text }
def all = logs.join('\n')
assert all.contains('INCOMPATIBLE under BACKWARD')
assert all.contains('widening')
assert all.contains('if the widening is intended, set <acknowledgeWidening>true</acknowledgeWidening>')
assert all.contains('(widening acknowledged)')
assert all.contains('COMPATIBLE under BACKWARD: ')
assert !all.contains('\tat ') && !all.contains('Caused by')
true
