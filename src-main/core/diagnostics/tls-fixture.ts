/**
 * A self-signed certificate for 127.0.0.1 and localhost (P-256, valid until 2126), for the test of
 * what the connection test says about a server whose certificate this PC cannot trust. Test data
 * only: the key protects nothing. Made with
 * `openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 36500
 *  -subj /CN=localhost -addext subjectAltName=IP:127.0.0.1,DNS:localhost`.
 */
export const SELF_SIGNED_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgwwhjGE/WkQmrfOUO
JilWd3ZuZ+PuU9BVUII43Rs/GvKhRANCAASy7vQ2MNE+i+XF1btW9Atnv5Amjaek
FeHNcAJBAFoFS5Z8CF/Qz5dnVAkOyI63WSvgI1wXXKLodXpnNUjMk8ih
-----END PRIVATE KEY-----
`;

export const SELF_SIGNED_CERT = `-----BEGIN CERTIFICATE-----
MIIBmjCCAUGgAwIBAgIUeIeLiStaAqVxtg/XUdwzMCJ2kdowCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTEyODA3MDkzOFoYDzIxMjYxMTA0
MDcwOTM4WjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAASy7vQ2MNE+i+XF1btW9Atnv5AmjaekFeHNcAJBAFoFS5Z8CF/Qz5dn
VAkOyI63WSvgI1wXXKLodXpnNUjMk8iho28wbTAdBgNVHQ4EFgQURKLBeagyLPIf
GRGV9Kcd9KE19sUwHwYDVR0jBBgwFoAURKLBeagyLPIfGRGV9Kcd9KE19sUwDwYD
VR0TAQH/BAUwAwEB/zAaBgNVHREEEzARhwR/AAABgglsb2NhbGhvc3QwCgYIKoZI
zj0EAwIDRwAwRAIgFFHcNQkv4AmaAqDJFfGh3pDA8yT4Mv5Q9jD8RWTUAyECICUB
oqcYgq7vu+GzPnagy5enZQ1yW4W0vFsubaQV1xDP
-----END CERTIFICATE-----
`;
