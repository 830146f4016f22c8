import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.reindex.ReindexPlugin;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * A single OpenSearch 2.19 node on loopback, its modules given as classpath plugins (Maven Central has the
 * modules as jars, not the distribution): java -cp ... EmbeddedOpenSearch HTTP_PORT TRANSPORT_PORT HOME.
 * Loopback only, so OpenSearch stays in development mode (no bootstrap checks). Runs until killed.
 */
public class EmbeddedOpenSearch {

	static class EmbeddedNode extends Node {

		EmbeddedNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
			super(environment, plugins, true);
		}

	}

	public static void main(String[] args) throws Exception {
		Path home = Files.createDirectories(Path.of(args[2]));
		Settings settings = Settings.builder()
			.put("path.home", home.toString())
			.put("path.data", home.resolve("data").toString())
			.put("cluster.name", "paragraf-test")
			.put("node.name", "paragraf-test-1")
			.put("network.host", "127.0.0.1")
			.put("http.port", args[0])
			.put("transport.port", args[1])
			.put("discovery.type", "single-node")
			.put("http.type", "netty4")
			.put("transport.type", "netty4")
			.build();
		Node node = new EmbeddedNode(new Environment(settings, home.resolve("config")),
				List.of(Netty4Plugin.class, CommonAnalysisPlugin.class, ReindexPlugin.class));
		node.start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				node.close();
			}
			catch (Exception ex) {
				ex.printStackTrace();
			}
		}));
		System.out.println("OpenSearch node started on 127.0.0.1:" + args[0]);
		Thread.currentThread().join();
	}

}
