// Both builds passed; the engine holds nothing of either project, nor the fixed-name network and volumes they share.
def empty = evaluate(new File(engineCheck))
empty.call('off-example')
empty.call('off-pro-example')
def exists = { List<String> cmd -> def p = cmd.execute(); p.waitForProcessOutput(new StringBuilder(), new StringBuilder()); p.exitValue() == 0 }
assert !exists(['docker', 'network', 'inspect', 'off_example_minion_db']): 'network off_example_minion_db left behind'
['off_example_orgs', 'off_example_users', 'off_example_podata'].each { volume ->
    assert !exists(['docker', 'volume', 'inspect', volume]): "volume ${volume} left behind"
}
return true
