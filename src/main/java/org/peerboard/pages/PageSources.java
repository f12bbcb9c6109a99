package org.peerboard.pages;

import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.cache.ConcurrentMapTemplateCache;
import com.github.jknack.handlebars.io.TemplateLoader;
import com.github.jknack.handlebars.io.TemplateSource;
import io.vertx.ext.web.common.WebEnvironment;
import io.vertx.ext.web.templ.handlebars.HandlebarsTemplateEngine;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Partials ({@code {{> partials/head}}}, resolved next to the page: {@code
 * web/templates/partials/head.hbs}) read once. Handlebars looks a partial up through the engine's
 * loader at every render, and that loader reads the file with a blocking call; this loader keeps
 * what it read, and the compiled partials stay in a template cache. The engine caches its pages the
 * same way, and neither caches in Vert.x's development mode.
 */
final class PageSources implements TemplateLoader {
  private final TemplateLoader files;
  private final Map<String, TemplateSource> read = new ConcurrentHashMap<>();

  private PageSources(TemplateLoader files) {
    this.files = files;
  }

  static HandlebarsTemplateEngine cached(HandlebarsTemplateEngine engine) {
    if (!WebEnvironment.development()) {
      Handlebars handlebars = engine.unwrap();
      handlebars
          .with(new PageSources(handlebars.getLoader()))
          .with(new ConcurrentMapTemplateCache());
    }
    return engine;
  }

  @Override
  public TemplateSource sourceAt(String location) throws IOException {
    String path = files.resolve(location);
    TemplateSource source = read.get(path);
    if (source == null) {
      source = files.sourceAt(location);
      read.put(path, source);
    }
    return source;
  }

  @Override
  public String resolve(String location) {
    return files.resolve(location);
  }

  @Override
  public String getPrefix() {
    return files.getPrefix();
  }

  @Override
  public String getSuffix() {
    return files.getSuffix();
  }

  @Override
  public void setPrefix(String prefix) {
    files.setPrefix(prefix);
  }

  @Override
  public void setSuffix(String suffix) {
    files.setSuffix(suffix);
  }

  @Override
  public void setCharset(Charset charset) {
    files.setCharset(charset);
  }

  @Override
  public Charset getCharset() {
    return files.getCharset();
  }
}
