package vn.motcua.catalog;

import java.util.List;

import vn.motcua.platform.data.DataFileException;
import vn.motcua.platform.data.DataProblem;

/** The catalog cannot be used; start-up stops with every problem listed ({@code file:line field: reason}). */
public class CatalogDataException extends DataFileException {

    public CatalogDataException(List<DataProblem> problems) {
        super("procedure catalog", problems);
    }
}
