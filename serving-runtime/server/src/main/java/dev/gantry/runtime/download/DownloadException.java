package dev.gantry.runtime.download;

/** A download that cannot succeed as asked (missing file, bad token, integrity failure), in plain words. */
public class DownloadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DownloadException(String message) {
        super(message);
    }

    public DownloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
