package io.github.dockerstack.exec;

import io.github.dockerstack.model.DependsOn;
import io.github.dockerstack.model.Deploy;
import io.github.dockerstack.model.Project;
import io.github.dockerstack.model.Service;
import io.github.dockerstack.readiness.Deadline;
import io.github.dockerstack.readiness.Goal;
import io.github.dockerstack.readiness.Readiness;
import io.github.dockerstack.readiness.ServiceFailure;
import io.github.dockerstack.readiness.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The waits of up and start: for a service's dependencies before it is created, and for the whole stack at the end. */
final class Waits {
    private final Readiness readiness;
    private final Progress progress;
    private final Project project;
    /** "name state" already reported in this run: a container waited for twice is reported once */
    private final Set<String> reported = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Containers reported in a state other than Waiting: a later wait for them shows no Waiting. */
    private final Set<String> ready = java.util.concurrent.ConcurrentHashMap.newKeySet();

    Waits(Readiness readiness, Progress progress, Project project) {
        this.readiness = readiness;
        this.progress = progress;
        this.project = project;
    }

    /**
     * Waits for the conditions {@code service} sets on its dependencies. service_started needs no
     * wait: the walk started the dependency first. A failing optional dependency is only reported.
     */
    void dependencies(String service, Map<String, DependsOn> dependencies, Map<String, List<ContainerRef>> containers,
                      Deadline deadline) {
        for (Map.Entry<String, DependsOn> e : dependencies.entrySet()) {
            String dep = e.getKey();
            DependsOn d = e.getValue();
            Goal goal = switch (d.condition() == null ? DependsOn.STARTED : d.condition()) {
                case DependsOn.HEALTHY -> Goal.HEALTHY;
                case DependsOn.COMPLETED -> Goal.COMPLETED;
                default -> null;
            };
            List<ContainerRef> refs = containers.get(dep);
            if (goal == null || refs == null || refs.isEmpty()) {
                continue; // started by the walk, or not part of this run (disabled, scaled to 0)
            }
            refs.forEach(r -> reportWaiting(r.service(), r.name()));
            try {
                readiness.await(targets(refs, goal), deadline, this::reportReady);
            } catch (ServiceFailure f) {
                String needed = "; service '" + service + "' depends on it (" + d.condition() + ")";
                if (!d.required()) {
                    progress.warn(service, "Optional dependency '" + dep + "' " + f.reason() + "; starting " + service + " anyway");
                    continue;
                }
                throw f.withReason(f.reason() + needed);
            }
        }
    }

    /** up/start --wait: everything running (healthy where it has a healthcheck), jobs completed successfully. */
    void all(Map<String, List<ContainerRef>> containers, Set<String> jobs, Deadline deadline) {
        containers.values().forEach(refs -> refs.forEach(r -> reportWaiting(r.service(), r.name())));
        List<Target> targets = new ArrayList<>();
        containers.forEach((service, refs) -> targets.addAll(targets(refs, jobs.contains(service) ? Goal.COMPLETED : Goal.RUNNING)));
        readiness.await(targets, deadline, this::reportReady);
    }

    /** "Waiting", as docker compose shows it, for a container not yet reported ready in this run. */
    private void reportWaiting(String service, String containerName) {
        if (!ready.contains(containerName)) {
            report(service, containerName, "Waiting");
        }
    }

    /** Reports a container's state unless it was reported already in this run. */
    void report(String service, String containerName, String state) {
        if (!"Waiting".equals(state)) {
            ready.add(containerName);
        }
        if (reported.add(containerName + " " + state)) {
            progress.info(service, "Container " + containerName + "  " + state);
        }
    }

    private List<Target> targets(List<ContainerRef> refs, Goal goal) {
        return refs.stream().map(r -> new Target(r.service(), r.id(), r.name(), goal, restarts(r.service()))).toList();
    }

    private void reportReady(Target t) {
        String state = switch (t.goal()) {
            case COMPLETED -> "Exited";
            case HEALTHY -> "Healthy";
            case RUNNING -> "healthy".equals(healthOf(t)) ? "Healthy" : "Running";
        };
        report(t.service(), t.containerName(), state);
    }

    private String healthOf(Target t) {
        return readiness.health(t.containerId());
    }

    /** A restart policy that brings the container back after an exit: the exit is not (yet) a failure. */
    private boolean restarts(String service) {
        Service s = project.service(service);
        if (s == null) {
            return false;
        }
        Deploy.RestartPolicy deploy = s.deploy() == null ? null : s.deploy().restartPolicy();
        String policy = deploy != null ? (deploy.condition() == null ? "any" : deploy.condition()) : s.restart();
        return policy != null && (policy.equals("always") || policy.equals("any") || policy.equals("unless-stopped"));
    }
}
