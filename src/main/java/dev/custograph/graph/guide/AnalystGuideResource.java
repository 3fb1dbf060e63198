package dev.custograph.graph.guide;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/**
 * Serves {@link AnalystGuide} on the embedded database's HTTP port, where Neo4j Browser is, as an unmanaged
 * extension mounted at {@code /custograph}: from Browser's own origin, so {@code :play} needs no cross-origin
 * exception anywhere. It holds the product's saved queries and no data.
 */
@Path("/guide")
public class AnalystGuideResource {

    private static final String HTML = AnalystGuide.html();

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public String guide() {
        return HTML;
    }
}
