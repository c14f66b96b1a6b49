package fr.ent.platform.apps.directory.aaf;

import fr.ent.platform.apps.directory.aaf.AafRecord.Operation;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an AAF file ({@code ficAlimMENESR}) one request at a time with StAX: only the current request is in memory,
 * whatever the file's size (the national files reach hundreds of megabytes), and each is handed to the caller as
 * soon as it ends. The parser resolves nothing: no DTD (the files name {@code ficAlimMENESR.dtd}, which is neither
 * needed nor fetched), no external or declared entity (a file that uses one is refused: XXE, billion laughs).
 */
public final class AafReader {

    /** A value longer than this is not a name, a code or an address: the file is refused rather than held. */
    static final int MAX_VALUE_CHARS = 4_000;
    /** Values of one request (a teacher of many classes has a few hundred); bounds the memory of one record. */
    static final int MAX_VALUES_PER_RECORD = 20_000;

    private static final XMLInputFactory FACTORY = secureFactory();

    private AafReader() {
    }

    static XMLInputFactory secureFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return f;
    }

    /**
     * Hands every request of the file to {@code sink}, in file order. A file that is not well-formed XML, or not an
     * AAF file, stops with {@link AafFormatException} at its line (the requests before it were handed over: the
     * caller stages before it applies, so a broken file applies nothing).
     */
    public static void read(String file, InputStream in, Consumer<AafRecord> sink) {
        XMLStreamReader x = null;
        try {
            x = FACTORY.createXMLStreamReader(in);
            new AafReader.Walk(file, x, sink).run();
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new AafFormatException(file, line, "XML illisible : " + firstLine(e.getMessage()));
        } finally {
            if (x != null) {
                try {
                    x.close();
                } catch (XMLStreamException ignored) {
                    // the stream is the caller's to close
                }
            }
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String m = message.contains("Message: ") ? message.substring(message.indexOf("Message: ") + 9) : message;
        return m.lines().findFirst().orElse("").strip();
    }

    /** The walk through one file's events. */
    private static final class Walk {
        private final String file;
        private final XMLStreamReader x;
        private final Consumer<AafRecord> sink;

        private Operation operation;
        private int line;
        private String id;
        private Map<String, List<String>> attributes;
        private List<String> currentValues;
        private boolean inOperational;
        private int values;

        Walk(String file, XMLStreamReader x, Consumer<AafRecord> sink) {
            this.file = file;
            this.x = x;
            this.sink = sink;
        }

        void run() throws XMLStreamException {
            boolean root = false;
            while (x.hasNext()) {
                int event = x.next();
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new AafFormatException(file, x.getLocation().getLineNumber(),
                            "entité XML non autorisée : &" + x.getLocalName() + ";");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (!root) {
                        if (!"ficAlimMENESR".equals(x.getLocalName())) {
                            throw new AafFormatException(file, x.getLocation().getLineNumber(),
                                    "élément racine « " + x.getLocalName() + " » au lieu de « ficAlimMENESR »");
                        }
                        root = true;
                        continue;
                    }
                    start(x.getLocalName());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    end(x.getLocalName());
                }
            }
            if (!root) {
                throw new AafFormatException(file, 0, "fichier vide");
            }
        }

        private void start(String element) throws XMLStreamException {
            switch (element) {
                case "addRequest" -> open(Operation.ADD);
                case "modifyRequest" -> open(Operation.MODIFY);
                case "deleteRequest" -> open(Operation.DELETE);
                case "operationalAttributes" -> inOperational = true;
                case "id" -> {
                    requireRequest(element);
                    id = text();
                }
                case "attr", "modification" -> {
                    requireRequest(element);
                    String name = x.getAttributeValue(null, "name");
                    if (name == null || name.isBlank()) {
                        throw new AafFormatException(file, x.getLocation().getLineNumber(),
                                "attribut sans nom (name)");
                    }
                    // The category (operationalAttributes) is the file's kind again: the name already says it.
                    currentValues = inOperational ? new ArrayList<>() : attributes.computeIfAbsent(name,
                            k -> new ArrayList<>());
                }
                case "value" -> {
                    if (currentValues == null) {
                        throw new AafFormatException(file, x.getLocation().getLineNumber(),
                                "valeur hors d'un attribut");
                    }
                    String v = text();
                    if (++values > MAX_VALUES_PER_RECORD) {
                        throw new AafFormatException(file, line, "enregistrement de plus de "
                                + MAX_VALUES_PER_RECORD + " valeurs");
                    }
                    if (!v.isEmpty()) {
                        currentValues.add(v);
                    }
                }
                default -> {
                    // identifier, attributes, modifications: containers
                }
            }
        }

        private void end(String element) {
            switch (element) {
                case "addRequest", "modifyRequest", "deleteRequest" -> {
                    sink.accept(new AafRecord(operation, id, attributes, line));
                    operation = null;
                    attributes = null;
                }
                case "operationalAttributes" -> inOperational = false;
                case "attr", "modification" -> currentValues = null;
                default -> {
                }
            }
        }

        private void open(Operation op) {
            if (operation != null) {
                throw new AafFormatException(file, x.getLocation().getLineNumber(), "requête imbriquée");
            }
            operation = op;
            line = x.getLocation().getLineNumber();
            id = null;
            attributes = new LinkedHashMap<>();
            values = 0;
        }

        private void requireRequest(String element) {
            if (operation == null) {
                throw new AafFormatException(file, x.getLocation().getLineNumber(),
                        "« " + element + " » hors d'une requête addRequest/modifyRequest/deleteRequest");
            }
        }

        /** The element's text, trimmed; refused past {@link #MAX_VALUE_CHARS}. */
        private String text() throws XMLStreamException {
            int at = x.getLocation().getLineNumber();
            StringBuilder s = new StringBuilder();
            while (true) {
                int event = x.next();
                if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE) {
                    s.append(x.getText());
                    if (s.length() > MAX_VALUE_CHARS) {
                        throw new AafFormatException(file, at, "valeur de plus de " + MAX_VALUE_CHARS
                                + " caractères");
                    }
                } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new AafFormatException(file, at, "entité XML non autorisée : &" + x.getLocalName() + ";");
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    return s.toString().strip();
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    throw new AafFormatException(file, at, "élément « " + x.getLocalName() + " » dans une valeur");
                }
            }
        }
    }
}
