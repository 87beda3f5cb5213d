// Files opened with the installed app from the computer's own files (on a school Chromebook,
// "Open with Family Forms"): the manifest's file_handlers hand them to this page. They go the
// way files shared from a phone's share sheet go (see sw.js): into the cache the app takes
// them from at /received?shared=1, read-only until the person saves them.
if ('launchQueue' in window) {
  window.launchQueue.setConsumer(async (params) => {
    if (!params.files || params.files.length === 0) return;
    await caches.delete('ff-shared-files');
    const cache = await caches.open('ff-shared-files');
    let i = 0;
    for (const handle of params.files) {
      const file = await handle.getFile();
      await cache.put(`/shared-file/${i++}`, new Response(file, {
        headers: { 'x-file-name': encodeURIComponent(file.name) },
      }));
    }
    window.location.replace('/received?shared=1');
  });
}
