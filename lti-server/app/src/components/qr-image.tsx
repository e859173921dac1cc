import QRCode from 'qrcode';
import { useEffect, useState } from 'preact/hooks';

/** A QR code of `text`, drawn here in the browser (the qrcode library), never by an outside service. */
export function QrImage({ text, alt, size = 480 }: { text: string; alt: string; size?: number }) {
  const [src, setSrc] = useState('');
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width: size }).then(
      (url) => live && setSrc(url),
      () => live && setSrc(''),
    );
    return () => {
      live = false;
    };
  }, [text, size]);
  return src ? <img class="qr" src={src} alt={alt} width={size} height={size} /> : null;
}
