/**
 * A small list of secrets people really choose, written for this site (nothing downloaded): common
 * passwords, and the placeholder secrets that JWT tutorials, library READMEs and config templates print
 * and that end up in production. Real attack lists hold millions of entries; a few hundred already show
 * how quickly a guessable secret falls.
 */
const WORDS = `
secret super-secret supersecret super_secret topsecret top-secret mysecret my-secret my_secret secretkey
secret-key secret_key mysecretkey my-secret-key my_secret_key jwt jwt-secret jwt_secret jwtsecret jwtkey
jwt-key jwt_key jwtSecret JWT_SECRET JWT_SECRET_KEY your-256-bit-secret your-384-bit-secret
your-512-bit-secret your_jwt_secret your-secret-key your_secret_key yoursecret yoursecretkey changeme
change-me change_me changeit change-this changethis replace-me replaceme todo TODO default defaultsecret
default-secret secret123 secret1 secret12 secret1234 Secret Secret123 SECRET s3cr3t s3cret secr3t
shhhhh shhh shh keyboardcat keyboard-cat keyboard_cat token tokensecret token-secret token_secret
accesstoken access-token access_token refreshtoken refresh-token refresh_token auth authsecret
auth-secret auth_secret authkey signingkey signing-key signing_key hmac hmacsecret hmac-secret hs256
HS256 privatekey private-key private_key apikey api-key api_key apisecret api-secret api_secret
appsecret app-secret app_secret app_key appkey sessionsecret session-secret session_secret
cookiesecret cookie-secret mykey my-key key key123 thekey passphrase pass-phrase
password password1 password12 password123 password1234 password! Password Password1 Password123
Password! P@ssw0rd P@ssword p@ssw0rd passw0rd pass pass123 pass1234 passwd pa55word pa55w0rd
123456 1234567 12345678 123456789 1234567890 12345 1234 123 111111 000000 123123 654321 666666
121212 112233 123321 159753 147258 987654321 123qwe qwe123 1q2w3e 1q2w3e4r 1q2w3e4r5t zaq12wsx
qwerty qwerty123 qwertyuiop qwerty1 asdf asdfgh asdfghjkl zxcvbn zxcvbnm qazwsx 1qaz2wsx
abc123 abcd1234 abcdef abc 000 a1b2c3 aa123456 iloveyou iloveyou1 letmein letmein1 welcome
welcome1 welcome123 admin admin123 admin1 administrator root toor root123 guest guest123 user
user123 test test123 test1 testing tester demo demo123 sample example example123 foobar foo bar
baz hello hello123 helloworld hello-world hello_world world monkey dragon master master123 login
princess sunshine shadow football baseball basketball soccer hockey superman batman spiderman
starwars pokemon freedom whatever trustno1 michael jennifer jordan hunter hunter2 buster
charlie thomas george daniel andrew joshua robert matthew jessica ashley amanda nicole summer
winter spring autumn flower cheese coffee chocolate cookie banana orange apple mustang ferrari
harley corvette yankees dallas liverpool chelsea arsenal killer ninja access maggie ginger
pepper tigger snoopy mickey minnie bailey buddy daisy lucky lucky7 lovely loveme love
fuckyou secret! secret? secret@123 Secret@123 Passw0rd! Welcome1! Admin@123 Admin123 admin@123
qwerty! 123abc abc123! pass@123 Pass@123 Pass1234 Summer2024 Summer2025 Winter2024 Winter2025
Spring2025 Autumn2024 company company123 mycompany startup backend frontend server server123
api api123 service service-secret microservice development dev dev123 develop staging stage
production prod prod123 local localhost test-secret test_secret testsecret testkey test-key
dev-secret dev_secret devsecret devkey dev-key local-secret localsecret example-secret
examplesecret sample-secret notsecret not-a-secret notasecret nosecret no-secret insecure
unsafe verysecret very-secret verysecretkey really-secret reallysecret ultrasecret ultra-secret
megasecret hidden private confidential classified sekret geheim segreto secreto contraseña
motdepasse passwort wachtwoord haslo salasana losenord qwertz azerty 112358 31415926 314159
3.14159 42 4242 1337 31337 leet hacker h4x0r letmein! opensesame open-sesame sesame abracadabra
xyzzy plugh foobar123 foo123 bar123 zaq1xsw2 !QAZ2wsx 1qazXSW@ password2 password3 mypassword
my-password my_password mypass mypass123 newpassword new-password oldpassword temp temp123
temporary tmp tmp123 blank empty null undefined none nil void true false yes no ok okay
node nodejs express expressjs nestjs nextjs next react angular vue svelte django flask rails
laravel spring springboot java python golang rust php ruby javascript typescript docker
kubernetes k8s aws azure gcp heroku vercel netlify firebase supabase mongodb postgres mysql
redis oauth oauth2 openid oidc sso saml ldap keycloak auth0 okta cognito passport
`;

/** The built-in list, in order, without repeats. */
export const COMMON_SECRETS: readonly string[] = [...new Set(WORDS.trim().split(/\s+/))];

const SUFFIXES = ['', '!', '1', '12', '123', '1234', '!!', '?', '@', '#', '$', '_', '-', '.', '01', '69', '99', '007'];
const YEARS = Array.from({ length: 60 }, (_, i) => String(1970 + i));

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * The "rules" a real cracker applies to a list: each word as written, Capitalised and UPPER CASE, each
 * followed by a common suffix or a year (1970–2029). Repeats (a digit string has no case) are dropped.
 */
export function withVariations(words: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const word of words) {
    for (const form of [word, capitalised(word), word.toUpperCase()]) {
      for (const suffix of [...SUFFIXES, ...YEARS]) seen.add(form + suffix);
    }
  }
  return [...seen];
}

export type WordlistName = 'common' | 'variations';

/** The candidates for a named list: built when asked for, because the variations run to six figures. */
export function wordlist(name: WordlistName): readonly string[] {
  return name === 'common' ? COMMON_SECRETS : withVariations(COMMON_SECRETS);
}
