package vn.motcua.catalog;

import java.util.List;

import vn.motcua.platform.data.DataFileException;

/** The catalog cannot be used; start-up stops with every problem listed (file, field, reason). */
public class CatalogDataException extends DataFileException {

    public CatalogDataException(List<String> problems) {
        super("procedure catalog", problems);
    }
}
