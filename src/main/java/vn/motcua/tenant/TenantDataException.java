package vn.motcua.tenant;

import java.util.List;

import vn.motcua.platform.data.DataFileException;
import vn.motcua.platform.data.DataProblem;

/** The tenant data cannot be used; start-up stops with every problem listed ({@code file:line field: reason}). */
public class TenantDataException extends DataFileException {

    public TenantDataException(List<DataProblem> problems) {
        super("tenant data", problems);
    }
}
