package io.github.dockerstack.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dockerstack.model.Build;
import io.github.dockerstack.model.Project;
import io.github.dockerstack.model.Service;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A service's build section resolved as Compose resolves it. */
class BuildPlanTest {
    private static final Path DIR = Path.of("/work/shop");

    private static Project project(Map<String, String> environment, Service service) {
        return new Project("shop", DIR, List.of(DIR.resolve("compose.yaml")), environment, List.of(), Map.of(service.name(), service), Map.of(),
                Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }

    private static Build build(String context, Map<String, String> args, List<String> extraHosts, List<String> tags, List<String> platforms) {
        return new Build(context, "docker/app.Dockerfile", null, args, "prod", Map.of("team", "shop"), List.of("shop-web:cache"), "host",
                extraHosts, 64L * 1024 * 1024, tags, true, platforms);
    }

    @Test
    void aBuiltServiceWithoutImageIsNamedAfterProjectAndService() {
        Service web = Service.builder("web").build(build("/work/shop/web", Map.of(), List.of(), List.of("shop/web:1.0"), List.of())).build();
        BuildPlan plan = BuildPlan.of(project(Map.of(), web), web);
        assertEquals("shop-web", plan.image());
        assertEquals(List.of("shop-web", "shop/web:1.0"), plan.tags());
        assertEquals(Path.of("/work/shop/web"), plan.context());
        assertEquals("docker/app.Dockerfile", plan.dockerfile());
        assertEquals("prod", plan.target());
        assertEquals(Map.of("team", "shop"), plan.labels());
        assertEquals(List.of("shop-web:cache"), plan.cacheFrom());
        assertEquals("host", plan.network());
        assertEquals(64L * 1024 * 1024, plan.shmSize());
        assertTrue(plan.pull());
        assertFalse(plan.noCache());
        assertEquals("/work/shop/web/docker/app.Dockerfile", plan.dockerfileDisplayName());
    }

    @Test
    void anImageNameIsTheFirstTag() {
        Service web = Service.builder("web").image("registry.example.com/web:2")
                .build(build("/work/shop", Map.of(), List.of(), List.of(), List.of())).build();
        assertEquals(List.of("registry.example.com/web:2"), BuildPlan.of(project(Map.of(), web), web).tags());
    }

    @Test
    void argsWithoutValueComeFromTheProjectEnvironmentOrAreDropped() {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("FIXED", "1");
        args.put("FROM_ENV", null);
        args.put("UNSET", null);
        Service web = Service.builder("web").build(build("/work/shop", args, List.of(), List.of(), List.of())).build();
        BuildPlan plan = BuildPlan.of(project(Map.of("FROM_ENV", "env-value"), web), web);
        assertEquals(Map.of("FIXED", "1", "FROM_ENV", "env-value"), plan.args());
    }

    @Test
    void extraHostsAreSentWithAColon() {
        Service web = Service.builder("web").build(build("/work/shop", Map.of(), List.of("db=10.0.0.5", "v6=::1"), List.of(), List.of()))
                .build();
        assertEquals(List.of("db:10.0.0.5", "v6:::1"), BuildPlan.of(project(Map.of(), web), web).extraHosts());
    }

    @Test
    void theServicePlatformOrTheOnlyBuildPlatformIsUsed() {
        Service one = Service.builder("web").build(build("/work/shop", Map.of(), List.of(), List.of(), List.of("linux/arm64"))).build();
        assertEquals("linux/arm64", BuildPlan.of(project(Map.of(), one), one).platform());
        Service none = Service.builder("web").build(build("/work/shop", Map.of(), List.of(), List.of(), List.of())).build();
        assertNull(BuildPlan.of(project(Map.of(), none), none).platform());
    }

    @Test
    void severalPlatformsNeedBuildKit() {
        Service web = Service.builder("web").build(build("/work/shop", Map.of(), List.of(), List.of(), List.of("linux/amd64", "linux/arm64")))
                .build();
        BuildException e = assertThrows(BuildException.class, () -> BuildPlan.of(project(Map.of(), web), web));
        assertTrue(e.getMessage().startsWith("services.web.build.platforms: [linux/amd64, linux/arm64] asks for a multi-platform build"),
                e.getMessage());
    }

    @Test
    void aRemoteContextIsRefused() {
        Service web = Service.builder("web").build(build("https://github.com/org/repo.git#main", Map.of(), List.of(), List.of(), List.of()))
                .build();
        BuildException e = assertThrows(BuildException.class, () -> BuildPlan.of(project(Map.of(), web), web));
        assertTrue(e.getMessage().contains("remote context"), e.getMessage());
    }

    @Test
    void anInlineDockerfileIsNamedByItsAttribute() {
        Service web = Service.builder("web").build(new Build("/work/shop", null, "FROM x\n", Map.of(), null, Map.of(), List.of(), null,
                List.of(), null, List.of(), null, List.of())).build();
        assertEquals("services.web.build.dockerfile_inline", BuildPlan.of(project(Map.of(), web), web).dockerfileDisplayName());
    }
}
