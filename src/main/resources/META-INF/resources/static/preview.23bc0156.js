// Progressive enhancement (the page works the same without it): a preview of the photo chosen for upload, so that
// a blurred or wrong picture is seen before it is sent over a slow connection.
for (const input of document.querySelectorAll('input[type=file][accept*="image"]')) {
  input.addEventListener('change', () => {
    const file = input.files && input.files[0];
    let img = input.parentElement.querySelector('img.preview');
    if (!file || !file.type.startsWith('image/')) {
      if (img) img.remove();
      return;
    }
    if (!img) {
      img = document.createElement('img');
      img.className = 'preview';
      img.alt = '';
      img.width = 160;
      input.after(img);
    }
    img.src = URL.createObjectURL(file);
  });
}
