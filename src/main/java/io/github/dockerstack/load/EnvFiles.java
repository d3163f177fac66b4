package io.github.dockerstack.load;

import io.github.dockerstack.load.env.DotEnvParser;
import io.github.dockerstack.load.env.RawEnvParser;
import io.github.dockerstack.model.Build;
import io.github.dockerstack.model.EnvFile;
import io.github.dockerstack.model.Project;
import io.github.dockerstack.model.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Folds each service's {@code env_file} entries into its environment, as compose does: files in
 * order (later wins), each read as dotenv or, with {@code format: raw}, line by line as written;
 * then the service's own {@code environment}, whose value-less entries take the project
 * environment's value when it has one. Value-less build args are resolved likewise.
 */
final class EnvFiles {
    private EnvFiles() {
    }

    static Project fold(Project project, Map<String, String> projectEnv) {
        Map<String, Service> services = new LinkedHashMap<>();
        project.services().forEach((name, s) -> services.put(name, fold(s, projectEnv)));
        return project.withServices(services, project.disabledServices());
    }

    private static Service fold(Service service, Map<String, String> projectEnv) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFile envFile : service.envFiles()) {
            Path path = Path.of(envFile.path());
            if (!Files.isRegularFile(path)) {
                if (envFile.required()) {
                    throw new ComposeException("service '" + service.name() + "': env file " + path + " does not exist; create it, fix"
                            + " the path in env_file, or mark it 'required: false'");
                }
                continue;
            }
            Function<String, String> lookup = k -> projectEnv.containsKey(k) ? projectEnv.get(k) : env.get(k);
            String content = FilePipeline.content(path);
            env.putAll(envFile.raw() ? RawEnvParser.parse(path, content, lookup) : DotEnvParser.parse(path, content, lookup));
        }
        service.environment().forEach((k, v) -> env.put(k, v != null ? v : projectEnv.get(k)));
        Service.Builder b = service.toBuilder().environment(env);
        if (service.build() != null) {
            b.build(withResolvedArgs(service.build(), projectEnv));
        }
        return b.build();
    }

    /** Value-less build args take the project environment's value, or are dropped (compose-go's normalisation). */
    private static Build withResolvedArgs(Build build, Map<String, String> projectEnv) {
        Map<String, String> args = new LinkedHashMap<>();
        build.args().forEach((k, v) -> {
            String value = v != null ? v : projectEnv.get(k);
            if (value != null) {
                args.put(k, value);
            }
        });
        return build.withArgs(args);
    }
}
