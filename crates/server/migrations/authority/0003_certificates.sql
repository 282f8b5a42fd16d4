-- Certificates uploaded to registered applications (Entra's "Certificates & secrets",
-- "Certificates"): an application signs in with a client assertion signed by the key of one of
-- them. Times are Unix milliseconds.
CREATE TABLE application_certificates (
    client_id       TEXT NOT NULL REFERENCES applications (client_id),
    -- SHA-256 of the certificate's DER, base64url: a PS256 assertion's `x5t#S256`.
    thumbprint_s256 TEXT NOT NULL,
    -- SHA-1, upper-case hex: Entra's "Thumbprint" (an RS256 assertion's `x5t`, decoded).
    thumbprint      TEXT NOT NULL,
    -- The RSA public key, PKCS #1 RSAPublicKey DER.
    public_key      BLOB NOT NULL,
    not_before      INTEGER NOT NULL,
    not_after       INTEGER NOT NULL,
    PRIMARY KEY (client_id, thumbprint_s256)
) STRICT;
