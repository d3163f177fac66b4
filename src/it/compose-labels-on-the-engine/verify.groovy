def project = 'dsit-labels'
evaluate(new File(engineCheck)).call(project)
return true
