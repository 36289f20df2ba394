export default {
  photo: {
    take: '拍照',
    pick: '从相册选择',
    busy: '正在处理照片…',
    problem: {
      not_an_image: '所选文件不是照片。请重新拍照，或从相册选一张照片。',
      unreadable_image: '这张照片读不出来（格式不支持、文件损坏或过大）。请用相机重新拍照，或选一张 JPG、PNG 照片。',
      processing_failed: '照片没能处理完，可能是平板内存不足。请关掉其他应用后重新拍照。',
    },
  },
  signature: {
    area: '签名区：用手指或鼠标在框内签名',
    placeholder: '请在此处签名',
    signer: '签名人',
    clear: '清除',
    confirm: '确认签名',
    failed: '签名没能保存，请再点一次“确认签名”；仍不行就清除后重签。',
  },
}
