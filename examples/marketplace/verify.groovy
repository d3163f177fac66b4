// The build passed; the engine holds nothing of the example's project.
evaluate(new File(engineCheck)).call('marketplace-example')
return true
