package io.onex.core.schema;

import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.resource.InputStreamSource;
import com.networknt.schema.resource.SchemaLoader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The only schema loader the validator uses. It serves the bundled schemas by URN from the
 * class path and refuses everything else, so a {@code $ref} to an unknown or remote schema
 * becomes an internal error instead of a network fetch. Registered before networknt's
 * default loaders, it answers every request, so those are never reached.
 */
final class BundledSchemaLoader implements SchemaLoader {
  static final BundledSchemaLoader INSTANCE = new BundledSchemaLoader();

  private BundledSchemaLoader() {}

  @Override
  public InputStreamSource getSchema(AbsoluteIri iri) {
    String text = String.valueOf(iri);
    SchemaId id = SchemaId.forUrn(text);
    if (id == null) {
      return () -> {
        throw new IOException("refused to load schema " + text
            + ": only the bundled urn:onex:schema:* schemas can be referenced");
      };
    }
    return () -> open(id);
  }

  static InputStream open(SchemaId id) throws IOException {
    InputStream in = BundledSchemaLoader.class.getClassLoader().getResourceAsStream(id.resource());
    if (in == null) {
      throw new FileNotFoundException("bundled schema " + id.resource() + " is missing from the class path");
    }
    return in;
  }
}
