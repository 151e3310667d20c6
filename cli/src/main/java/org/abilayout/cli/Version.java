package org.abilayout.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.abilayout.arch.Catalogue;
import picocli.CommandLine.IVersionProvider;

/** {@code abilayout --version}: the build's version (filtered in by Maven) and the catalogue size. */
final class Version implements IVersionProvider {

    static String version() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "abilayout " + version(),
            Catalogue.all().size() + " targets; Java " + Runtime.version()
        };
    }
}
