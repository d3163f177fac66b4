package io.github.dockerstack.load;

import io.github.dockerstack.load.env.DotEnvParser;
import io.github.dockerstack.model.Project;
import io.github.dockerstack.model.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Folds each service's {@code label_file} entries into its labels, as compose does: files in
 * order, read as dotenv (a variable refers only to labels read before it), later files win, and
 * the service's own {@code labels} win over all files.
 */
final class LabelFiles {
    private LabelFiles() {
    }

    static Project fold(Project project) {
        Map<String, Service> services = new LinkedHashMap<>();
        project.services().forEach((name, s) -> services.put(name, s.labelFiles().isEmpty() ? s : fold(s)));
        return project.withServices(services, project.disabledServices());
    }

    private static Service fold(Service service) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String file : service.labelFiles()) {
            Path path = Path.of(file);
            if (!Files.isRegularFile(path)) {
                throw new ComposeException("service '" + service.name() + "': label file " + path + " does not exist; create it or fix"
                        + " the path in label_file");
            }
            labels.putAll(DotEnvParser.parse(path, FilePipeline.content(path), labels::get));
        }
        labels.putAll(service.labels());
        return service.toBuilder().labels(labels).build();
    }
}
