// flickr-sdk 7.1.0 (Flickr's own JavaScript client, JSON REST) against fake-flickr.
// Usage: node flickr-sdk-fidelity.mjs BASE_URL CONSUMER_KEY CONSUMER_SECRET TOKEN TOKEN_SECRET
// flickr-sdk hard-codes and signs Flickr's https URLs; its transport is the one place a base URL
// can change, so FakeFlickrTransport swaps the scheme and host for the fake's (which runs with
// --signed-for-flickr-urls). Nothing else of the client's setup differs from one for Flickr.
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createFlickr, FetchTransport } from "flickr-sdk";

const [base, key, secret, token, tokenSecret] = process.argv.slice(2);
const NSID = "71234567@N00";
const toFake = (url) => String(url).replace(/^https:\/\/(api|www|up)\.flickr\.com/, base);

class FakeFlickrTransport extends FetchTransport {
  async fetch(url, init) {
    return super.fetch(toFake(url), init);
  }
}
const transport = new FakeFlickrTransport();
const client = (oauthToken, oauthTokenSecret, consumerSecret = secret) =>
  createFlickr({ consumerKey: key, consumerSecret, oauthToken, oauthTokenSecret }, transport);

// The oob token flow, then test.login with the new token.
{
  const { oauth } = client(false, false);
  const { requestToken, requestTokenSecret } = await oauth.request("oob");
  const page = await (await fetch(toFake(oauth.authorizeUrl(requestToken, "write")))).text();
  const verifier = /<span id="Verifier">([0-9-]+)<\/span>/.exec(page);
  assert.ok(verifier, page);
  const access = await client(requestToken, requestTokenSecret).oauth.verify(verifier[1]);
  assert.equal(access.nsid, NSID);
  const login = await client(access.oauthToken, access.oauthTokenSecret).flickr(
    "flickr.test.login",
    {},
  );
  assert.equal(login.user.id, NSID);
  console.log("ok oob token flow, test.login");
}

const { flickr, upload, replace } = client(token, tokenSecret);

// The whole 1,234-photo photoset.
{
  const ids = new Set();
  let pages = 1;
  for (let page = 1; page <= pages; page++) {
    const res = await flickr("flickr.photosets.getPhotos", {
      photoset_id: "72157600000001234",
      per_page: "500",
      page: String(page),
    });
    pages = res.photoset.pages;
    assert.equal(res.photoset.total, "1234");
    for (const photo of res.photoset.photo) ids.add(photo.id);
  }
  assert.equal(pages, 3);
  assert.equal(ids.size, 1234);
  console.log("ok photoset walk: 1234 photos");
}

// A search to its cap: 6,000 matches, 4,000 reachable.
{
  const ids = new Set();
  let pages = 1;
  let total;
  for (let page = 1; page <= pages; page++) {
    const res = await flickr("flickr.photos.search", {
      tags: "oksign",
      per_page: "500",
      page: String(page),
    });
    pages = res.photos.pages;
    total = res.photos.total;
    for (const photo of res.photos.photo) ids.add(photo.id);
  }
  assert.equal(total, 6000);
  assert.equal(pages, 12);
  assert.equal(ids.size, 4000);
  console.log("ok search to the cap: 4000 of 6000");
}

// An unknown photoset: Flickr's code 1.
await assert.rejects(
  flickr("flickr.photosets.getPhotos", { photoset_id: "404" }),
  (e) => e.cause.code === 1 && e.message === "Photoset not found",
);
console.log("ok unknown photoset: code 1");

// Upload and replace.
{
  const file = join(tmpdir(), `oksign-fidelity-${process.pid}.jpg`);
  await writeFile(file, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]));
  const uploaded = await upload(file, { title: "Harbour at dawn", tags: "sea boats" });
  assert.match(uploaded.id, /^\d+$/);
  const replaced = await replace(uploaded.id, file);
  assert.equal(replaced.id, uploaded.id);
  console.log("ok upload and replace: " + uploaded.id);
}

// A wrong secret: HTTP 401 (a signature failure), not a format or placement error.
await assert.rejects(
  client(token, tokenSecret, "not-the-secret").flickr("flickr.test.login", {}),
  (e) => e.cause.status === 401,
);
console.log("ok wrong secret: 401");
