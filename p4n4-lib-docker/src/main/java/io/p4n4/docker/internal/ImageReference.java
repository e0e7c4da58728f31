package io.p4n4.docker.internal;

/**
 * An image reference cut into repository and tag the way the pull and tag endpoints want them:
 * {@code localhost:5000/a/b:1} is repository {@code localhost:5000/a/b}, tag {@code 1}; no tag means
 * {@code latest} (a pull without a tag would fetch every tag); a digest stays in the repository part.
 */
record ImageReference(String repository, String tag) {

    static ImageReference parse(String image) {
        if (image.contains("@")) {
            return new ImageReference(image, null);
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        if (colon > slash) {
            return new ImageReference(image.substring(0, colon), image.substring(colon + 1));
        }
        return new ImageReference(image, "latest");
    }
}
